import { z } from 'zod';
import { parsePartialDate } from '../core/dates.ts';
import { describeCharacter } from '../core/characters.ts';
import { parseDuration } from '../core/duration.ts';

/** Stable identifier: lowercase kebab-case, as used in file names and URLs. */
export const KebabIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case (letters, digits and single hyphens)');

/** Non-empty single-line or prose text; surrounding whitespace is not meaningful. */
export const TextSchema = z.string().trim().min(1, 'must not be empty');

/**
 * A date as precise as the sources allow: `2025`, `2025-12`, `2025-12-15`, or an ISO
 * datetime with a zone (`2025-12-15T09:47Z`, `2025-12-15T09:47-08:00`). A bare year
 * is read by YAML as a number, which is accepted too.
 */
export const PartialDateSchema = z
  .union([z.string(), z.int()])
  .refine((value) => parsePartialDate(value) !== undefined, {
    message: 'must be a real date from 1900 on, written as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm with Z or a real UTC offset (-12:00 to +14:00, in quarter hours)',
  });

/** An ISO 8601 duration in weeks, days, hours, minutes, seconds (`PT13H`, `P1DT4H`). */
export const DurationSchema = z.string().refine((value) => parseDuration(value) !== undefined, {
  message: 'must be an ISO 8601 duration such as PT13H, PT2H30M or P1DT4H (no years or months)',
});

/** An absolute http or https URL, written as a browser reads it; see {@link httpUrlProblem}. */
export const HttpUrlSchema = z.string().check((ctx) => {
  const problem = httpUrlProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

/** Hosts that keep dated copies of pages, for `archived`. */
export const ARCHIVE_HOSTS = ['web.archive.org', 'archive.org', 'archive.today', 'archive.ph', 'archive.is', 'archive.li', 'archive.vn', 'archive.fo', 'archive.md', 'perma.cc', 'megalodon.jp', 'ghostarchive.org'] as const;

/** An archived copy of a page, on one of the {@link ARCHIVE_HOSTS}. */
export const ArchiveUrlSchema = HttpUrlSchema.check((ctx) => {
  if (httpUrlProblem(ctx.value)) return;
  const host = new URL(ctx.value).hostname.toLowerCase().replace(/^www\./, '');
  if ((ARCHIVE_HOSTS as readonly string[]).includes(host)) return;
  ctx.issues.push({ code: 'custom', input: ctx.value, message: `must be a copy on a web archive (${ARCHIVE_HOSTS.slice(0, 4).join(', ')}…), such as https://web.archive.org/web/<14 digits>/<url>, not "${host}"` });
});

/**
 * Why a text is not an http(s) URL as the atlas stores them, or undefined. Whitespace and
 * controls are refused rather than cleaned (a browser would drop or encode them, so what is
 * stored would not be what is visited), and so is a user name before the host:
 * `https://about.gitlab.com@evil.example/` goes to evil.example. Hosts are domain names or
 * public IP addresses.
 */
export function httpUrlProblem(text: string): string | undefined {
  const bad = /[\s\u0000-\u001F\u007F-\u009F\\]/.exec(text);
  if (bad) return bad[0] === '\\' ? 'must not contain a backslash (browsers read it as /)' : `must not contain ${describeCharacter(bad[0])}; percent-encode it (%20 for a space) or leave it out`;
  if (!/^https?:\/\/[^/]/i.test(text)) return 'must be an absolute http(s) URL, starting with https:// or http://';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.username || url.password) return `must not carry a user name before the host: everything before "@" is ignored and the link goes to ${url.hostname}`;
  if (!isPublicHost(url.hostname)) return `must name a public host, not "${url.hostname}"`;
  return undefined;
}

function isPublicHost(host: string): boolean {
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    const privateRange = a === 0 || a === 10 || a === 127 || a >= 224 || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168);
    return !privateRange;
  }
  if (host.startsWith('[')) return !/^\[(?:::1?|f[cd][0-9a-f]*:.*|fe[89ab][0-9a-f]*:.*)\]$/i.test(host);
  return z.regexes.domain.test(host) && !/^localhost$|\.(?:localhost|local|internal|test|invalid)$/i.test(host);
}

/** The stated precision of a coarse datetime. */
export const PrecisionSchema = z.enum(['year', 'month', 'day', 'hour', 'minute']);

/** A non-empty list of ids of the record's sources that back a statement. */
export const SourceRefsSchema = z.array(KebabIdSchema).min(1, 'must cite at least one source');
