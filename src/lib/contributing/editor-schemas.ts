import { incidentJsonSchema, organizationJsonSchema, taxonomyJsonSchema } from '../../schema/json-schema.ts';

/**
 * Files that let editors check and complete content as it is typed, written into `.astro/collections/`:
 *
 * - MDX frontmatter: the Astro language server (VS Code's Astro extension with
 *   `astro.content-intellisense` on) validates a file's frontmatter against
 *   `.astro/collections/<name>.schema.json` when `collections.json` maps the file to `<name>`.
 *   The YAML extension does not look inside Markdown or MDX frontmatter at all.
 * - YAML files: `.vscode/settings.json` maps `content/organizations/*.yaml` and
 *   `content/taxonomy/*.yaml` to the other two schemas for the YAML extension.
 *
 * The names differ from the site's collections so that Astro's own generated schemas (which
 * describe its internal collection entries, not the files) never overwrite these.
 */
export const EDITOR_SCHEMA_DIR = '.astro/collections';
export const FRONTMATTER_SCHEMA_NAME = 'incident-frontmatter';

export interface EditorFile {
  /** Path relative to the project root. */
  path: string;
  content: string;
}

/** The manifest the Astro language server reads: which file's frontmatter follows which schema. */
export function collectionsManifest(rootUrl: string, recordFiles: readonly string[]) {
  const base = rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`;
  // The language server looks files up by their decoded, lower-cased URL.
  const entries = Object.fromEntries(recordFiles.map((file) => [decodeURI(new URL(file, base).href).toLowerCase(), FRONTMATTER_SCHEMA_NAME]));
  return { collections: [{ name: FRONTMATTER_SCHEMA_NAME, hasSchema: true }], entries };
}

/** Every editor file, given the project root as a file URL and the record files relative to it. */
export function editorFiles(rootUrl: string, recordFiles: readonly string[]): EditorFile[] {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    { path: `${EDITOR_SCHEMA_DIR}/${FRONTMATTER_SCHEMA_NAME}.schema.json`, content: json(incidentJsonSchema()) },
    { path: `${EDITOR_SCHEMA_DIR}/organization-file.schema.json`, content: json(organizationJsonSchema()) },
    { path: `${EDITOR_SCHEMA_DIR}/taxonomy-file.schema.json`, content: json(taxonomyJsonSchema()) },
    { path: `${EDITOR_SCHEMA_DIR}/collections.json`, content: json(collectionsManifest(rootUrl, recordFiles)) },
  ];
}
