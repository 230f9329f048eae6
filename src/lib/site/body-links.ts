import { quote } from '../../core/characters.ts';
import { causePath, incidentPath, safeguardPath } from './links.ts';

/**
 * Where a record's account may link within the site, decided before the build: the build's link
 * check refuses any link to a page or anchor that does not exist, and then names only a page.
 */

/** Ids every record page has (a site test holds the built pages to this list). */
export const RECORD_PAGE_IDS = ['main', 'timeline', 'cause', 'claims', 'safeguards', 'account', 'sources', 'related', 'cite'] as const;

/** Pages and files of the site other than records and taxonomy terms that an account may link to. */
export const SECTION_PATHS = ['/', '/incidents/', '/patterns/', '/timeline/', '/search/', '/compare/', '/data/', '/contribute/', '/feed.xml', '/data/incidents.json', '/data/incidents.csv', '/schema/incident.schema.json'] as const;

/** The anchors on one record's page: the page's own, one per source and claim, and the account's headings. */
export function recordAnchors(record: { sources: readonly { id: string }[]; claims: readonly { id: string }[] }, headingIds: readonly string[]): Set<string> {
  return new Set([...RECORD_PAGE_IDS, ...record.sources.map((s) => `source-${s.id}`), ...record.claims.map((c) => `claim-${c.id}`), ...headingIds]);
}

/** What the whole site will hold, as far as links from accounts go. */
export interface SiteTargets {
  /** Ids of the records that will have pages (published ones). */
  publishedRecords: ReadonlySet<string>;
  causes: ReadonlySet<string>;
  safeguards: ReadonlySet<string>;
}

/**
 * Why a link from a record's account would break the build, or undefined when it resolves.
 * `anchors` are the anchors of the record's own page.
 */
export function bodyLinkProblem(url: string, recordId: string, anchors: ReadonlySet<string>, site: SiteTargets): string | undefined {
  const target = new URL(url, `http://site${incidentPath(recordId)}`);
  const path = decodeURIComponent(target.pathname);
  const fragment = decodeURIComponent(target.hash.slice(1));
  const page = path.endsWith('/') || path.includes('.') ? path : `${path}/`;
  if (page === incidentPath(recordId) || url.startsWith('#')) {
    if (!fragment || anchors.has(fragment)) return undefined;
    return `links to the anchor ${quote(fragment)}, which this record's page does not have; link to a heading of the account (${[...anchors].filter((a) => a.startsWith('account-')).map((a) => `#${a}`).join(', ') || 'none yet'}) or to #sources, #timeline, #claims, #safeguards, #source-<id>`;
  }
  const [, section, id] = /^\/(incidents|patterns\/causes|patterns\/safeguards)\/([^/]+)\/$/.exec(page) ?? [];
  const known = section === 'incidents' ? site.publishedRecords : section === 'patterns/causes' ? site.causes : section === 'patterns/safeguards' ? site.safeguards : undefined;
  if (known && id !== undefined) {
    if (!known.has(id)) return `links to ${quote(page)}, which the site will not have (${section === 'incidents' ? 'no published record' : 'no term'} "${id}")`;
    if (fragment && !(section === 'incidents' && (RECORD_PAGE_IDS as readonly string[]).includes(fragment))) {
      return `links to the anchor ${quote(fragment)} on another page; only a record's own sections (#${RECORD_PAGE_IDS.join(', #')}) can be linked there`;
    }
    return undefined;
  }
  if ((SECTION_PATHS as readonly string[]).includes(page) && !fragment) return undefined;
  return `links to ${quote(url)}, which is not a page the site will have; link to a record (${incidentPath('<id>')}), a cause or safeguard (${causePath('<id>')}, ${safeguardPath('<id>')}), one of ${SECTION_PATHS.join(', ')}, or give a full https:// URL`;
}
