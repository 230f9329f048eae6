import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, started the way this project's machines allow: headless, no sandbox, no network chatter. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Collects a page's console errors and uncaught exceptions into `errors`, each with the URL it happened on, for tests that assert there are none. */
export function collectErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
}
