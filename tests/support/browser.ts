/**
 * Launches the system Chromium (Debian package) headless through playwright-core.
 * Playwright never downloads a browser here: the executable path is fixed.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone-sized page with its browser; `close` tears both down. */
export type PhoneSession = { browser: Browser; context: BrowserContext; page: Page; close(): Promise<void> };

/** Tells whether the system Chromium is installed, so a missing browser fails with a clear message. */
export const chromiumInstalled = (): boolean => fs.existsSync(CHROMIUM_PATH);

/** Where a phone stands, when it may read its location. */
export type PhoneOptions = { geolocation?: { latitude: number; longitude: number } };

/** Launches the system Chromium headless; a missing browser fails with the command that installs it. */
export const launchChromium = async (): Promise<Browser> => {
  if (!chromiumInstalled()) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-wqy-microhei`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
};

/** A 375x812 phone as a fresh browser context of `browser`: its own storage, so its own login. */
export const newPhoneContext = async (browser: Browser, opts: PhoneOptions = {}): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
  });
  return { context, page: await context.newPage() };
};

/** A 1280x800 desktop window as a fresh context of `browser`: officials work at a PC. */
export const newDesktopContext = async (browser: Browser): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return { context, page: await context.newPage() };
};

/** Opens a 375x812 phone viewport in a fresh headless Chromium, allowed to read the location. */
export const openPhone = async (opts: PhoneOptions = {}): Promise<PhoneSession> => {
  const browser = await launchChromium();
  const { context, page } = await newPhoneContext(browser, opts);
  return { browser, context, page, close: () => browser.close() };
};
