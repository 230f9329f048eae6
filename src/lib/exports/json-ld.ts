import type { IncidentFields } from '../../schema/incident-fields.ts';
import type { RecordHistory } from './history.ts';

/**
 * JSON for a `<script type="application/ld+json">` element. The HTML parser ends a script at
 * the first `</script`, whatever the JSON means, so `<`, `>` and `&` are written as `\u003c`,
 * `\u003e` and `\u0026` (still the same JSON); U+2028 and U+2029 likewise, for old parsers.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What the structured data of a record page needs besides the record. */
export interface RecordJsonLdInput {
  id: string;
  record: IncidentFields;
  /** Stable URL of the record page. */
  url: string;
  site: { name: string; url: string; repository: string };
  history: RecordHistory;
  /** Commit the page was built from. */
  commit: string;
  license: string;
  /** Names of the cause categories, by id. */
  causeNames: ReadonlyMap<string, string>;
  organizationNames: ReadonlyMap<string, string>;
}

/** schema.org `Article` describing a record page, the incident it is `about`, and its sources as `citation`. */
export function recordJsonLd(input: RecordJsonLdInput): Record<string, unknown> {
  const { record, site } = input;
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': input.url,
    url: input.url,
    mainEntityOfPage: input.url,
    identifier: input.id,
    headline: record.title,
    description: record.summary,
    ...(input.history.added ? { datePublished: input.history.added } : {}),
    ...(input.history.updated ? { dateModified: input.history.updated } : {}),
    version: input.commit,
    inLanguage: 'en',
    license: input.license,
    author: { '@type': 'Organization', name: `${site.name} contributors`, url: site.repository },
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    isPartOf: { '@type': 'Dataset', name: site.name, url: new URL('/data/', site.url).href },
    keywords: [...record.cause.categories.map((id) => input.causeNames.get(id) ?? id), ...(record.tags ?? [])],
    about: {
      '@type': 'Event',
      name: record.title,
      startDate: String(record.occurred.start),
      ...(record.occurred.end !== undefined ? { endDate: String(record.occurred.end) } : {}),
      ...(record.duration ? { duration: record.duration } : {}),
    },
    mentions: record.organizations.map((org) => ({ '@type': 'Organization', name: input.organizationNames.get(org.id) ?? org.id })),
    citation: record.sources.map((source) => ({
      '@type': 'CreativeWork',
      name: source.title,
      url: source.url,
      publisher: { '@type': 'Organization', name: source.publisher },
      ...(source.published !== undefined ? { datePublished: String(source.published) } : {}),
    })),
  };
}

/** What the structured data of the data page needs. */
export interface DatasetJsonLdInput {
  site: { name: string; url: string; repository: string };
  description: string;
  license: string;
  commit: string;
  builtAt: string;
  /** Files to download: absolute URL and media type. */
  files: readonly { url: string; encodingFormat: string; name: string }[];
}

/** schema.org `Dataset` for the data page, with each file as a `DataDownload`. */
export function datasetJsonLd(input: DatasetJsonLdInput): Record<string, unknown> {
  const url = new URL('/data/', input.site.url).href;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': url,
    url,
    name: input.site.name,
    description: input.description,
    license: input.license,
    version: input.commit,
    dateModified: input.builtAt,
    creator: { '@type': 'Organization', name: `${input.site.name} contributors`, url: input.site.repository },
    isAccessibleForFree: true,
    distribution: input.files.map((file) => ({ '@type': 'DataDownload', name: file.name, contentUrl: file.url, encodingFormat: file.encodingFormat })),
  };
}
