import { workflowData, workflowProperty } from '../../core/workflow-commands.ts';

/**
 * Pull requests from contributors change content only; anything else (code, workflows,
 * dependencies) needs a maintainer's eye. Used by the pull-request workflow on the output of
 * `git diff --name-only`.
 */

/** Where contributors' changes belong. */
export const CONTENT_FOLDER = 'content/';

/** Author associations GitHub gives to people who maintain the repository. */
export const MAINTAINER_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR'] as const;

/**
 * The changed paths outside `content/`, from `git diff --name-only -z` output (paths ended by
 * NUL, so a file name holding a line break stays one path).
 */
export function pathsOutsideContent(diffNames: string): string[] {
  return diffNames.split('\0').filter((path) => path && !path.startsWith(CONTENT_FOLDER));
}

/** GitHub workflow commands that flag each path, then a summary; empty when every change is content. */
export function scopeAnnotations(paths: readonly string[]): string[] {
  if (!paths.length) return [];
  return [
    ...paths.map((path) => `::warning file=${workflowProperty(path)},title=Outside content/::Contributors' pull requests change only files under content/. A maintainer needs to review this change, or it belongs in a separate pull request.`),
    `::error title=Changes outside content/::This pull request changes ${paths.length} file${paths.length === 1 ? '' : 's'} outside content/: ${workflowData(paths.join(', '))}. Pull requests from contributors change only records, organizations and taxonomies (see CONTRIBUTING.md).`,
  ];
}
