/**
 * The site's Content-Security-Policy, in one place: Astro writes it into every page's <meta>
 * (with hashes of anything inline) and `public/_headers` repeats it for static hosts.
 * Scripts and styles are files from the site itself; Pagefind compiles its WebAssembly,
 * which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
export const STYLE_SOURCES = ["'self'"] as const;

/** The policy as one header value, for hosts that read `_headers`; frame-ancestors only works as a header. */
export function cspHeaderValue(): string {
  return [...CSP_DIRECTIVES, `script-src ${SCRIPT_SOURCES.join(' ')}`, `style-src ${STYLE_SOURCES.join(' ')}`, "frame-ancestors 'none'"].join('; ');
}
