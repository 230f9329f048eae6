/**
 * Sites seen republishing other outlets' articles (scraped, syndicated or rewritten copies). A
 * source read on one of them must say so with `copy_of`, naming the original; better still, cite
 * the original. The list grows as reviewers meet new ones.
 */
export const REPUBLISHING_HOSTS: readonly string[] = [
  'vuink.com', 'news.barelyhuman.xyz', 'techsparking.com', 'playverseo.com', 'euno.news', 'blogspot.com',
  'rssing.com', 'news.wingman.actor', 'gage.news', 'docslib.org', 'cybersecurityinformer.com',
  'communicatorcommunities.com', 'aphnetworks.com', 'losangelesheraldexaminer.com', 'aifrontier.vip', 'rentry.co',
  'etc-md.com', 'cyber.vumetric.com', 'drdroid.io', 'reaktivdev.com',
];

/** Whether a URL's host is, or is under, one of the republishing hosts. */
export function isRepublisher(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return REPUBLISHING_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
}
