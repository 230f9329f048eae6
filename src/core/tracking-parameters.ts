/**
 * Query parameters that only track where a reader came from. Exact names, and prefixes (`utm_`),
 * matched case-insensitively. They make one page look like several and leak who shared it.
 */
const TRACKING_NAMES = new Set(['ref', 'fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'twclid', 'igshid', 'ck_subscriber_id', 'mc_eid', 'mc_cid', 'mkt_tok', '_hsenc', '_hsmi', 'oly_enc_id', 'oly_anon_id', 'vero_id', 'wickedid', 'cmpid', 'sr_share']);
const TRACKING_PREFIXES = ['utm_'];

/** Whether a query parameter name is a tracking parameter. */
export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The tracking parameters of a URL, in order, and the URL without them (everything else kept as written). */
export function trackingParameters(url: string): { found: string[]; clean: string } {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return { found: [], clean: url };
  const hashStart = url.indexOf('#', queryStart);
  const query = url.slice(queryStart + 1, hashStart === -1 ? undefined : hashStart);
  const hash = hashStart === -1 ? '' : url.slice(hashStart);
  const found: string[] = [];
  const kept = query.split('&').filter((pair) => {
    const name = decodeURIComponentSafe(pair.split('=')[0] ?? '');
    if (!isTrackingParameter(name)) return true;
    found.push(name);
    return false;
  });
  const rest = kept.filter(Boolean).join('&');
  return { found, clean: `${url.slice(0, queryStart)}${rest ? `?${rest}` : ''}${hash}` };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
