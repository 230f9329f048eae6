/** The Wayback Machine's two public interfaces the atlas uses: the availability API and Save Page Now. */

/** The archived address the atlas records: a capture at `timestamp` (14 digits) of `url`. */
export function snapshotUrl(timestamp: string, url: string): string {
  return `https://web.archive.org/web/${timestamp}/${url}`;
}

/** `GET {base}/wayback/available?url=…`: the capture closest to now. */
export function availabilityRequest(base: string, url: string): string {
  return `${base.replace(/\/+$/, '')}/wayback/available?url=${encodeURIComponent(url)}`;
}

/** `GET {base}/save/<url>`: asks the archive to capture the page now. */
export function saveRequest(base: string, url: string): string {
  return `${base.replace(/\/+$/, '')}/save/${url}`;
}

interface AvailabilityAnswer {
  archived_snapshots?: { closest?: { available?: boolean; status?: string; timestamp?: string } };
}

/**
 * The timestamp of the closest usable capture in an availability answer, or undefined when there
 * is none. A capture of an error page (status 4xx or 5xx) preserves nothing worth citing.
 */
export function closestCapture(answer: unknown): string | undefined {
  const closest = (answer as AvailabilityAnswer | null)?.archived_snapshots?.closest;
  if (!closest?.available || !closest.timestamp || !/^\d{14}$/.test(closest.timestamp)) return undefined;
  if (closest.status !== undefined && !/^[23]\d\d$/.test(closest.status)) return undefined;
  return closest.timestamp;
}

/** The capture's timestamp from Save Page Now's answer: its final address or its Content-Location. */
export function savedCapture(finalUrl: string, contentLocation: string | null): string | undefined {
  for (const candidate of [contentLocation ?? '', finalUrl]) {
    const match = /\/web\/(\d{14})\//.exec(candidate);
    if (match) return match[1];
  }
  return undefined;
}
