import { trackingParameters } from '../../core/tracking-parameters.ts';
import type { RecordRule } from './types.ts';

/**
 * Source URLs carry no tracking parameters; the message gives the clean URL to paste. Archive
 * captures are left alone: a capture's address holds the URL it captured, as it was captured.
 */
export const noTrackingParameters: RecordRule = (record, report) => {
  record.sources.forEach((source, index) => {
    const urls: [(string | number)[], string | undefined][] = [
      [['sources', index, 'url'], source.url],
      [['sources', index, 'copy_of', 'url'], source.copy_of?.url],
    ];
    for (const [path, url] of urls) {
      if (url === undefined) continue;
      const { found, clean } = trackingParameters(url);
      if (found.length) report(path, `carries the tracking parameter${found.length > 1 ? 's' : ''} ${found.map((name) => `"${name}"`).join(', ')}; use ${clean}`);
    }
  });
};
