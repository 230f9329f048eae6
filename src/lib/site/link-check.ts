/** What one built HTML page links to and which fragment ids it defines. */
export interface PageLinks {
  /** href/src values of a, link, script, img, source and form actions, as written. */
  links: string[];
  /** Every id attribute (anchors that fragments can target). */
  ids: Set<string>;
}

const LINK_ATTRIBUTE = /<(?:a|link|script|img|source|iframe|form)\b[^>]*?\s(?:href|src|action)="([^"]*)"/gi;
const ID_ATTRIBUTE = /\sid="([^"]*)"/g;

/** Reads links and ids from HTML the site generated (attribute values are always double-quoted). */
export function extractLinks(html: string): PageLinks {
  const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  return {
    links: [...html.matchAll(LINK_ATTRIBUTE)].map((match) => decode(match[1]!)),
    ids: new Set([...html.matchAll(ID_ATTRIBUTE)].map((match) => decode(match[1]!))),
  };
}

/** An internal link split into the page path it targets and its fragment; undefined for external links. */
export function internalTarget(link: string, fromPath: string): { path: string; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) return undefined;
  const url = new URL(link, `http://site${fromPath}`);
  return { path: decodeURIComponent(url.pathname), fragment: decodeURIComponent(url.hash.slice(1)) };
}

/** What a link points at: an internal target, undefined for an external link, or a link that does not decode. */
type Resolved = ReturnType<typeof internalTarget> | typeof MALFORMED;
const MALFORMED = 'malformed';

function resolve(link: string, from: string): Resolved {
  try {
    // An anchor on the same page: only its fragment needs decoding.
    if (link.startsWith('#')) return { path: from, fragment: decodeURIComponent(link.slice(1)) };
    return internalTarget(link, from);
  } catch {
    return MALFORMED;
  }
}

export interface BrokenLink {
  from: string;
  link: string;
  reason: string;
}

/**
 * Checks every internal link of a site: the page or file must exist and a fragment must name an
 * id on that page. `pages` maps a page path (`/incidents/x/`) to its links; `files` holds every
 * other path the site serves (`/pagefind/pagefind.js`).
 */
export function findBrokenLinks(pages: ReadonlyMap<string, PageLinks>, files: ReadonlySet<string>): BrokenLink[] {
  return checkLinks(pages, files).broken;
}

/** The broken links, and how many internal links and anchors were checked. */
export function checkLinks(pages: ReadonlyMap<string, PageLinks>, files: ReadonlySet<string>): { broken: BrokenLink[]; internal: number } {
  const broken: BrokenLink[] = [];
  let internal = 0;
  // A site of 10,000 records has over a million internal links, most of them the same few
  // thousand root-relative paths: each of those is resolved once.
  const resolved = new Map<string, Resolved>();
  const targetOf = (link: string, from: string): Resolved => {
    if (!link.startsWith('/') || link.startsWith('//')) return resolve(link, from);
    if (!resolved.has(link)) resolved.set(link, resolve(link, from));
    return resolved.get(link);
  };
  for (const [from, { links }] of pages) {
    for (const link of links) {
      const target = targetOf(link, from);
      if (target === MALFORMED) {
        // A percent escape that does not decode (validation refuses it in accounts; this names any other).
        broken.push({ from, link, reason: 'malformed percent-encoding' });
        continue;
      }
      if (!target) continue;
      internal += 1;
      const page = pages.get(target.path) ?? pages.get(target.path.endsWith('/') ? target.path : `${target.path}/`);
      if (!page && !files.has(target.path)) {
        broken.push({ from, link, reason: 'no such page or file' });
      } else if (target.fragment && page && !page.ids.has(target.fragment)) {
        broken.push({ from, link, reason: `no element with id "${target.fragment}"` });
      }
    }
  }
  return { broken, internal };
}
