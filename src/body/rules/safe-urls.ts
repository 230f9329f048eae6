import type { BodyRule } from './types.ts';

/** Absolute http(s) URLs, site paths (`/incidents/…`) and in-page anchors (`#sources`). */
export function isSafeHref(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip them first.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^https?:\/\/[^/]/i.test(compact)) return true;
  if (compact.startsWith('#')) return true;
  return compact.startsWith('/') && !compact.startsWith('//') && !compact.startsWith('/\\');
}

/** Links and link definitions may only point at the web or the site itself; images are not allowed at all. */
export const safeUrls: BodyRule = (node, report) => {
  if (node.type === 'image' || node.type === 'imageReference') {
    return report('images are not allowed in a record body (they would load from third parties on every visit)');
  }
  if ((node.type === 'link' || node.type === 'definition') && !isSafeHref(node.url ?? '')) {
    report(`link to "${(node.url ?? '').slice(0, 60)}" is not allowed: use an http(s) URL, a site path or a #anchor`);
  }
};
