/** Facts about the site itself, in one place. */
export const SITE = {
  name: 'Incident Atlas',
  tagline: 'A reference knowledge base of technology incidents and postmortems',
  /** Where the source lives; edit links and history links point here. */
  repository: 'https://github.com/incident-atlas/incident-atlas',
  branch: 'main',
  /** Public address of the built site, for permalinks and citations. */
  url: 'https://incident-atlas.github.io',
} as const;

/** Link to a file of the repository on GitHub, for "edit" and "history" links. */
export function repositoryLink(kind: 'edit' | 'commits' | 'blob', path: string, ref: string = SITE.branch): string {
  return `${SITE.repository}/${kind}/${ref}/${path}`;
}
