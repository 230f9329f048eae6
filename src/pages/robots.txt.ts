import type { APIRoute } from 'astro';
import { SITE } from '../site.ts';

/** Lets every crawler in and points it at the sitemap. */
export const GET: APIRoute = () => new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', SITE.url).href}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
