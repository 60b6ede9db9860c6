/**
 * Launches the system Chromium (Debian package) headless through playwright-core.
 * Playwright never downloads a browser here: the executable path is fixed.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A phone-sized page with its browser; `close` tears both down. */
export type PhoneSession = { browser: Browser; context: BrowserContext; page: Page; close(): Promise<void> };

/** Tells whether the system Chromium is installed, so a missing browser fails with a clear message. */
export const chromiumInstalled = (): boolean => fs.existsSync(CHROMIUM_PATH);

/** Opens a 375x812 phone viewport in a fresh headless Chromium, allowed to read the location. */
export const openPhone = async (opts: { geolocation?: { latitude: number; longitude: number } } = {}): Promise<PhoneSession> => {
  if (!chromiumInstalled()) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-wqy-microhei`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
  });
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close() };
};
