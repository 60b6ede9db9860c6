/**
 * What the end-to-end walks share: the H5 build, a gateway on a free port with a fresh data
 * dir, phone-sized Chromium pages (one, or several contexts of one browser for walks with
 * several people), screenshots, and locators for Taro's H5 elements.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startGateway, type Gateway } from '../../gateway/server';
import { ensureH5Build, H5_DIR, ROOT } from '../../gateway/h5.build';
import { launchChromium, newDesktopContext, newPhoneContext, openPhone, type PhoneSession } from '../support/browser';

export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

/** A point beside 庞家集村 in 香城镇 (sample coordinates), where the walking resident stands. */
export const NEAR_PANGJIAJI = { latitude: 35.2552, longitude: 117.0405 };

export type Walk = { gw: Gateway; phone: PhoneSession; page: Page; shot: (name: string, fullPage?: boolean) => Promise<void>; close(): Promise<void> };

/** What starting a gateway for a walk takes: the local timer's interval (0 turns it off; default one minute). */
export type WalkOptions = { schedulerIntervalMs?: number; /** the server's clock (the browser keeps its own) */ now?: () => Date };

/** Builds the app if stale and starts the gateway on a free port over a fresh data dir. */
const startServer = async (o: WalkOptions) => {
  if (!ensureH5Build(() => undefined)) throw new Error('the H5 build failed: run npm run build:h5 to see why');
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-e2e-'));
  const gw = await startGateway({ port: 0, dataDir, staticDir: H5_DIR, log: () => undefined, checkOutput: true, ...o });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    gw,
    close: async () => {
      await gw.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** A screenshot taker for one page, into test-output/screenshots/<prefix>-<name>.png, once any toast has gone. */
const shooter =
  (page: Page, prefix: string) =>
  async (name: string, fullPage = false) => {
    const toastsGone = () => Array.from(document.querySelectorAll('.taro__toast')).every((e) => getComputedStyle(e).display === 'none');
    await page.waitForFunction(toastsGone, undefined, { timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-${name}.png`), fullPage });
  };

/** Builds the app if stale, starts the gateway on a free port and opens a phone at its address. */
export const startWalk = async (prefix: string, o: WalkOptions = {}): Promise<Walk> => {
  const server = await startServer(o);
  const phone = await openPhone({ geolocation: NEAR_PANGJIAJI });
  const { page } = phone;
  await page.goto(server.gw.url);
  return {
    gw: server.gw,
    phone,
    page,
    shot: shooter(page, prefix),
    close: async () => {
      await phone.close();
      await server.close();
    },
  };
};

/** One person of a walk with several: their own browser context (own login), page and screenshots. */
export type Person = { page: Page; shot: (name: string, fullPage?: boolean) => Promise<void> };
/** A walk with several people on one gateway, each in a context of one Chromium. */
export type Stage = { gw: Gateway; browser: Browser; person: (who: string, o?: { desktop?: boolean }) => Promise<Person>; close(): Promise<void> };

/** Starts the gateway and one browser; `person` opens a new phone (or, asked, a 1280x800 desktop) context at the app for each participant. */
export const startStage = async (prefix: string, o: WalkOptions = {}): Promise<Stage> => {
  const server = await startServer(o);
  const browser = await launchChromium();
  return {
    gw: server.gw,
    browser,
    person: async (who, p = {}) => {
      const { page } = p.desktop ? await newDesktopContext(browser) : await newPhoneContext(browser, { geolocation: NEAR_PANGJIAJI });
      await page.goto(server.gw.url);
      return { page, shot: shooter(page, `${prefix}-${who}`) };
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
};

/** The visible page: Taro H5 keeps earlier pages of the stack in the DOM, hidden. */
export const current = (page: Page): Locator => page.locator('.taro_page:visible').last();

/** A NutUI button by its words, on the visible page or in an open popup. */
export const button = (scope: Page | Locator, text: string | RegExp): Locator => scope.locator('taro-button-core:visible', { hasText: text }).first();

/** The text input of a form field (`data-field` on the field's wrapper). */
export const fieldInput = (scope: Locator, key: string): Locator => scope.locator(`[data-field="${key}"] input, [data-field="${key}"] textarea`).first();

/** Clicks a tab of the tab bar by its label. */
export const tab = (page: Page, label: string): Promise<void> => page.locator('.weui-tabbar__item', { hasText: label }).first().click();

/** From 我的, opens the binding form (its own page) and waits for it; `current(page)` is then the form. */
export const openBindForm = async (page: Page): Promise<void> => {
  await current(page).getByText('完善实名信息').first().waitFor();
  await button(current(page), '完善实名信息').click();
  await current(page).getByText('点这里，先选镇街再选村居').waitFor();
};

/** Logs in as a new resident and binds name, ID, phone and 香城镇 庞家集村 (with screenshots unless `shots` is false). */
export const bindResident = async (w: Person, idNumber: string, shots = true): Promise<void> => {
  await button(w.page, '选择体验身份').click();
  if (shots) await w.shot('02-persona');
  await button(w.page, '以新居民身份进入').click();
  const profile = current(w.page);
  await openBindForm(w.page);
  await profile.locator('input').nth(0).fill('王秀英');
  await profile.locator('input').nth(1).fill(idNumber);
  await profile.locator('input').nth(2).fill('13805371234');
  await profile.getByText('点这里，先选镇街再选村居').click();
  await button(w.page, '香城镇').click();
  await w.page.locator('.zc-item-name:visible', { hasText: '庞家集村为民服务中心' }).first().click();
  if (shots) await w.shot('03-profile-filled');
  await button(profile, '保存').click();
};

/** Logs in through the persona picker with one of its buttons. */
export const loginAs = async (p: Person, label: string): Promise<void> => {
  await p.page.goto(`${new URL(p.page.url()).origin}/#/pages/dev-login/index`);
  await button(current(p.page), label).click();
  await p.page.waitForURL((url) => !url.hash.includes('dev-login'));
};

/** Waits until every toast has gone, so a screenshot shows the page itself. */
export const settled = (page: Page) =>
  page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((e) => getComputedStyle(e).display === 'none'));

/** Logs a clerk in through the persona picker: 香城镇, then a village center or the township's own. */
export const loginClerk = async (p: Person, centerName: string): Promise<void> => {
  await p.page.goto(`${new URL(p.page.url()).origin}/#/pages/dev-login/index`);
  await button(current(p.page), '选择镇街、银行网点或村居').click();
  await button(p.page, '香城镇').click();
  await p.page.locator('.zc-item-name:visible', { hasText: centerName }).first().click();
  await current(p.page).locator('.qb').waitFor();
};
