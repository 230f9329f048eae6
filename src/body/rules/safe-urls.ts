import { quote } from '../../core/characters.ts';
import { where } from '../mdast.ts';
import type { BodyRule } from './types.ts';

/** A plain email address, as `mailto:` links may hold (no headers, no body, no list of recipients). */
const MAILTO = /^mailto:[^\s@?&,;:/]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** Absolute http(s) URLs, plain `mailto:` addresses, site paths (`/incidents/…`) and in-page anchors (`#sources`). */
export function isSafeHref(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip them first.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^https?:\/\/[^/]/i.test(compact)) return true;
  if (MAILTO.test(url)) return true;
  if (compact.startsWith('#')) return true;
  return compact.startsWith('/') && !compact.startsWith('//') && !compact.startsWith('/\\');
}

/** Whether a link stays on the site: a site path or an anchor, checked against the built pages. */
export function isInternalHref(url: string): boolean {
  return url.startsWith('/') || url.startsWith('#');
}

/** Whether every percent escape in the URL decodes (`%E0%A4` alone is half a character). */
function decodes(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Links and link definitions may only point at the web, an email address or the site itself;
 * images are not allowed at all. Links within the site are collected, to be checked against
 * the pages and anchors the build will make.
 */
export const safeUrls: BodyRule = (node, report, context) => {
  if (node.type === 'image' || node.type === 'imageReference') {
    return report('images are not allowed in a record body (they would load from third parties on every visit)');
  }
  if (node.type !== 'link' && node.type !== 'definition') return;
  const url = node.url ?? '';
  if (!isSafeHref(url)) return report(`link to ${quote(url, 60)} is not allowed: use an http(s) URL, an email address, a site path or a #anchor`);
  if (!isInternalHref(url)) return;
  if (!decodes(url)) return report(`link to ${quote(url, 60)} has a broken percent escape (each %XX must be part of a whole UTF-8 character); write the character itself`);
  context.internalLinks.push({ url, ...where(node) });
};
