/**
 * 长辈模式 to the national standard (MIIT 2021 互联网应用适老化通用设计规范), measured in Chromium at
 * 375×812: a resident switches the mode on and visits every resident page; on each, every
 * visible text and control is measured from its computed style (tests/e2e/elder.measure.ts).
 * Screenshots: test-output/screenshots/elder-*.png.
 */
import { loadSampleItems } from '../../data/sample';
import { filledForm, validIdNumber } from '../support/sample.people';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindResident, button, current, SCREENSHOTS, startWalk, tab, type Walk } from './resident.harness';
import { ELDER_STANDARD, measureElder, type ElderReport } from './elder.measure';

const ITEM = loadSampleItems().find((i) => i.code === 'ZC-T-0002')!;

/** Waits for the visible page to settle, measures it, takes its screenshot, and answers the report. */
const visit = async (w: Walk, name: string, ready: string): Promise<ElderReport & { name: string }> => {
  await current(w.page).getByText(ready, { exact: false }).first().waitFor();
  // Taro slides a new page in from the right: measure once it stands still at the left edge
  await w.page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll('.taro_page')).filter((p) => p.getBoundingClientRect().width > 0);
    return pages.length > 0 && Math.abs(pages[pages.length - 1].getBoundingClientRect().left) < 0.5;
  });
  await w.page.waitForTimeout(400);
  const report = await measureElder(w.page);
  await w.shot(name, true);
  return { name, ...report };
};

/** The local-mode token the app keeps (Taro's H5 storage wraps the value as `{data}`). */
const tokenOf = (w: Walk): Promise<string> =>
  w.page.evaluate(() => {
    const raw = localStorage.getItem('zc.token') ?? '';
    try {
      return (JSON.parse(raw) as { data?: string }).data ?? raw;
    } catch {
      return raw;
    }
  });

describe('长辈模式 in the browser build', () => {
  let w: Walk;
  const reports: (ElderReport & { name: string })[] = [];
  beforeAll(async () => {
    w = await startWalk('elder');
    await bindResident(w, validIdNumber('19480312', '061'), false);
    await current(w.page).getByText('我的信息').waitFor();
  }, 240_000);
  afterAll(async () => {
    // every measurement beside the screenshots, to read when a page falls short
    writeFileSync(join(SCREENSHOTS, 'elder-report.json'), JSON.stringify(reports, null, 1));
    await w?.close();
  });

  it('lets pinch-zoom work: the viewport does not forbid scaling', async () => {
    const viewport = await w.page.locator('meta[name="viewport"]').getAttribute('content');
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b/);
  });

  it('switches on from the home page and marks the pages and the tab bar', async () => {
    const { page } = w;
    await tab(page, '首页');
    await current(page).locator('[role="switch"]').first().click();
    await current(page).locator('.zc-page.zc-elder').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('zc-elder-app'))).toBe(true);
    reports.push(await visit(w, '01-home', '离您最近的服务中心'));
  }, 60_000);

  it('visits every resident page in the mode', async () => {
    const { page } = w;
    const url = w.gw.url;
    await tab(page, '服务中心');
    reports.push(await visit(w, '02-centers-nearest', '离我最近'));
    await button(current(page), '按镇街查找').click();
    reports.push(await visit(w, '03-centers-townships', '选择镇街'));
    await current(page).locator('.zc-list-item', { hasText: '香城镇' }).first().click();
    reports.push(await visit(w, '04-centers-of-township', '香城镇的服务中心'));
    await current(page).locator('.zc-list-item', { hasText: '庞家集村' }).first().click();
    reports.push(await visit(w, '05-center-detail', '这里能办的事'));

    await page.goto(`${url}/#/pages-service/items/index?q=${encodeURIComponent('低保')}`);
    reports.push(await visit(w, '06-search-results', '最低生活保障申请代办'));
    await page.goto(`${url}/#/pages-service/items/index?q=${encodeURIComponent('火星移民')}`);
    reports.push(await visit(w, '07-search-nothing-found', '打电话问问'));
    const help = (await current(page).locator('.items-help').textContent()) ?? '';
    expect(help).toMatch(/离您最近的服务中心.*电话：0537-\d{7}/);
    expect(help).toContain('社会救助');
    await page.goto(`${url}/#/pages-service/items/index?lifeEvent=${encodeURIComponent('养老')}&title=${encodeURIComponent('养老')}`);
    reports.push(await visit(w, '08-items-of-life-event', '养老'));
    await page.goto(`${url}/#/pages-service/guide/index?code=${ITEM.code}`);
    reports.push(await visit(w, '09-guide', '去哪里办，为什么'));
    await page.goto(`${url}/#/pages-service/apply/index?code=${ITEM.code}`);
    reports.push(await visit(w, '10-apply', ITEM.name));
    await current(page).locator('[data-material]').first().scrollIntoViewIfNeeded();
    await w.shot('10b-apply-materials');
    await current(page).locator('.intake').first().scrollIntoViewIfNeeded();
    await w.shot('10c-apply-intake');

    // the request is made through the API, so the walk measures the pages whatever the apply flow asks on the way
    const token = await tokenOf(w);
    const submitted = await page.evaluate(
      async ({ token, itemCode, form }) => {
        const res = await fetch('/api/requests', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ action: 'submit', data: { itemCode, intakeCenterId: 'v-101-001', form, materials: [], idempotencyKey: 'elder-walk-0001' } }),
        });
        return (await res.json()) as { ok: boolean; data: { request: { id: string; trackingNo: string } } };
      },
      { token, itemCode: ITEM.code, form: filledForm(ITEM) },
    );
    expect(submitted.ok).toBe(true);
    const { id, trackingNo } = submitted.data.request;
    await page.goto(`${url}/#/pages-service/result/index?id=${id}&trackingNo=${trackingNo}`);
    reports.push(await visit(w, '11-result', '申请已提交'));
    await page.goto(`${url}/#/pages-service/request/index?id=${id}`);
    reports.push(await visit(w, '12-request', '办理进度'));
    await page.goto(`${url}/#/pages-service/messages/index`);
    reports.push(await visit(w, '13-messages', '消息'));
    await page.goto(url);
    await tab(page, '我的办件');
    reports.push(await visit(w, '14-my-requests', ITEM.name));
    await page
      .locator('.weui-tabbar__item')
      .filter({ hasText: /^我的$/ })
      .click();
    reports.push(await visit(w, '15-profile', '我的信息'));
    expect(reports.map((r) => r.name)).toHaveLength(15);
  }, 240_000);

  it('meets the standard on every page: text ≥ 18 px, line spacing ≥ 1.3, contrast ≥ 4.5:1, targets ≥ 60×60 px, no broken word, the largest text ≥ 30 px', () => {
    expect(reports.length).toBeGreaterThanOrEqual(15);
    // every page was measured, not an empty shell; the controls are counted over the walk
    expect(reports.filter((r) => r.texts < 2).map((r) => r.name)).toEqual([]);
    expect(reports.reduce((n, r) => n + r.controls, 0)).toBeGreaterThan(40);
    const small = reports.filter((r) => r.largestFontPx < ELDER_STANDARD.maxFontAtLeastPx).map((r) => `${r.name}: ${r.largestFontPx}px`);
    expect(small).toEqual([]);
    const issues = reports.flatMap((r) => r.issues.map((i) => `${r.name} ${i.rule} ${i.value} “${i.text}” ${i.where}`));
    expect(issues).toEqual([]);
  });
});
