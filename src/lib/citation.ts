/** What a citation needs to know about one record and the build it was read in. */
export interface CitationInput {
  id: string;
  title: string;
  /** Stable URL of the record page. */
  url: string;
  /** URL of the record's file at the exact commit the site was built from. */
  permalink: string;
  /** Short commit hash of that build. */
  commit: string;
  /** Date the site was built (YYYY-MM-DD), standing in for "accessed". */
  builtOn: string;
  siteName: string;
}

/** A plain-text citation in the common author–title–site–date–URL order. */
export function plainCitation(c: CitationInput): string {
  return `${c.siteName} contributors. "${c.title}." ${c.siteName}, record ${c.id}, version ${c.commit}, ${c.builtOn}. ${c.url} (permalink: ${c.permalink}).`;
}

/** Escapes the characters BibTeX treats specially, keeping the text readable. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}]/g, (char) => `\\${char}`).replace(/([&%$#_])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

/** A BibTeX `@misc` entry; the key is the record id, which is stable. */
export function bibtexCitation(c: CitationInput): string {
  const key = c.id.replace(/[^a-z0-9-]/g, '');
  const [year, month] = c.builtOn.split('-');
  return [
    `@misc{${key},`,
    `  title        = {${bibtexEscape(c.title)}},`,
    `  author       = {{${bibtexEscape(c.siteName)} contributors}},`,
    `  howpublished = {${bibtexEscape(c.siteName)}},`,
    `  year         = {${year}},`,
    `  month        = {${Number(month)}},`,
    `  url          = {${c.url}},`,
    `  note         = {Record ${bibtexEscape(c.id)}, version ${c.commit}; permalink ${c.permalink}},`,
    `  urldate      = {${c.builtOn}}`,
    '}',
  ].join('\n');
}
