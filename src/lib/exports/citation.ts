/**
 * What a citation needs to know about one record version. Everything comes from the record's own
 * history (its last commit and that commit's date), never from the build, so rebuilding the site
 * at a later commit that leaves the record alone changes no citation.
 */
export interface CitationInput {
  id: string;
  title: string;
  /** Stable URL of the record page. */
  url: string;
  /** URL of the record's file at its version. */
  permalink: string;
  /** Short hash of the last commit that changed the record's file. */
  version: string;
  /** Date of that commit (YYYY-MM-DD). */
  versionDate: string;
  siteName: string;
}

/** A plain-text citation in the common author–title–site–date–URL order. */
export function plainCitation(c: CitationInput): string {
  return `${c.siteName} contributors. "${c.title}." ${c.siteName}, record ${c.id}, version ${c.version}, ${c.versionDate}. ${c.url} (permalink: ${c.permalink}).`;
}

/** How BibTeX writes each character it treats specially. */
const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  '$': '\\$',
  '#': '\\#',
  '_': '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Escapes the characters BibTeX treats specially, in one pass so no escape is escaped again,
 * then breaks the pairs TeX would join into ligatures (`--` into a dash, `''` into a quote).
 */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) => BIBTEX_SPECIAL[char]!).replace(/([-'`])(?=\1)/g, '$1{}');
}

/** A BibTeX `@misc` entry; the key is the record id, which is stable. */
export function bibtexCitation(c: CitationInput): string {
  const key = c.id.replace(/[^a-z0-9-]/g, '');
  const [year, month] = c.versionDate.split('-');
  return [
    `@misc{${key},`,
    `  title        = {${bibtexEscape(c.title)}},`,
    `  author       = {{${bibtexEscape(c.siteName)} contributors}},`,
    `  howpublished = {${bibtexEscape(c.siteName)}},`,
    `  year         = {${year}},`,
    `  month        = {${Number(month)}},`,
    `  url          = {${c.url}},`,
    `  note         = {Record ${bibtexEscape(c.id)}, version ${c.version} of ${c.versionDate}; permalink ${bibtexEscape(c.permalink)}},`,
    '}',
  ].join('\n');
}

/** A CSL-JSON item, the format Zotero, Pandoc and citeproc read. */
export interface CslItem {
  id: string;
  type: 'webpage' | 'dataset';
  title: string;
  author: { literal: string }[];
  'container-title': string;
  publisher: string;
  URL: string;
  version: string;
  issued: { 'date-parts': [[number, number, number]] };
  note: string;
}

/** Splits a YYYY-MM-DD date into CSL date parts. */
function dateParts(date: string): [[number, number, number]] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [[year, month, day]];
}

/** A CSL-JSON item for the record: the stable URL as `URL`, the pinned permalink in `note`. */
export function cslCitation(c: CitationInput): CslItem {
  return {
    id: c.id,
    type: 'webpage',
    title: c.title,
    author: [{ literal: `${c.siteName} contributors` }],
    'container-title': c.siteName,
    publisher: c.siteName,
    URL: c.url,
    version: c.version,
    issued: { 'date-parts': dateParts(c.versionDate) },
    note: `Record ${c.id}, version ${c.version} of ${c.versionDate}. Permalink: ${c.permalink}`,
  };
}

/** The CSL-JSON document for one item: an array, as citation managers import it. */
export function cslJson(item: CslItem): string {
  return JSON.stringify([item], null, 2);
}

/** What a citation of the whole dataset needs: where it lives and the build it was read in. */
export interface DatasetCitationInput {
  url: string;
  /** The repository at the commit the site was built from. */
  permalink: string;
  /** Short hash of that commit. */
  commit: string;
  /** Date of the build (YYYY-MM-DD). */
  builtOn: string;
  siteName: string;
}

/** Plain-text citation of the dataset as a whole. */
export function plainDatasetCitation(c: DatasetCitationInput): string {
  return `${c.siteName} contributors. ${c.siteName}: a dataset of technology incidents and postmortems. Version ${c.commit}, ${c.builtOn}. ${c.url} (source: ${c.permalink}). Licensed CC BY 4.0.`;
}

/** BibTeX `@misc` entry for the dataset as a whole. */
export function bibtexDatasetCitation(c: DatasetCitationInput): string {
  const [year, month] = c.builtOn.split('-');
  const key = c.siteName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return [
    `@misc{${key},`,
    `  title        = {{${bibtexEscape(c.siteName)}}: a dataset of technology incidents and postmortems},`,
    `  author       = {{${bibtexEscape(c.siteName)} contributors}},`,
    `  year         = {${year}},`,
    `  month        = {${Number(month)}},`,
    `  version      = {${c.commit}},`,
    `  url          = {${c.url}},`,
    `  note         = {Version ${c.commit}; source ${bibtexEscape(c.permalink)}; licensed CC BY 4.0},`,
    `  urldate      = {${c.builtOn}}`,
    '}',
  ].join('\n');
}
