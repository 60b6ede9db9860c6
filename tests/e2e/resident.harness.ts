/**
 * What the resident end-to-end walks share: the H5 build, a gateway on a free port with a
 * fresh data dir, a phone-sized Chromium, screenshots, and locators for Taro's H5 elements.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startGateway, type Gateway } from '../../cloudfunctions/gateway/server';
import { ensureH5Build, H5_DIR, ROOT } from '../../tools/h5-build';
import { openPhone, type PhoneSession } from '../support/browser';

export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

/** A point beside 庞家集村 in 香城镇 (sample coordinates), where the walking resident stands. */
export const NEAR_PANGJIAJI = { latitude: 35.2552, longitude: 117.0405 };

export type Walk = { gw: Gateway; phone: PhoneSession; page: Page; shot: (name: string, fullPage?: boolean) => Promise<void>; close(): Promise<void> };

/** Builds the app if stale, starts the gateway on a free port and opens a phone at its address. */
export const startWalk = async (prefix: string): Promise<Walk> => {
  if (!ensureH5Build(() => undefined)) throw new Error('the H5 build failed: run npm run build:h5 to see why');
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-e2e-'));
  const gw = await startGateway({ port: 0, dataDir, staticDir: H5_DIR, log: () => undefined });
  const phone = await openPhone({ geolocation: NEAR_PANGJIAJI });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { page } = phone;
  await page.goto(gw.url);
  return {
    gw,
    phone,
    page,
    shot: async (name, fullPage = false) => {
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-${name}.png`), fullPage });
    },
    close: async () => {
      await phone.close();
      await gw.close();
      rmSync(dataDir, { recursive: true, force: true });
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
