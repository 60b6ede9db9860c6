/**
 * The handoff and the center page, walked again in the browser: after 签收 the status says
 * 已签收，待受理 (it dropped back to 已预审); the slip shows its sign-by date and prints with a
 * print layout (the dialog said to bring a printed slip, but nothing printed); the center page
 * counts every item it offers and lists them all (53项 over 30 shown), and 导航去这里 opens a
 * 高德地图 link (it did nothing). Screenshots go to test-output/screenshots/slip-*.png.
 */
import { api, loginPhone, tokenFor } from './api.kit';
import { button, current, startStage, type Person, type Stage } from './resident.harness';
import { filledForm } from '../support/sample.people';
import { loadSampleItems } from '../../data/sample';

const ITEM = loadSampleItems().find((i) => i.code === 'ZC-T-0002')!;
const VILLAGE = 'v-101-001';
const TOWNSHIP = 'ts-101';

describe('a handoff slip and a center page', () => {
  let stage: Stage;
  let resident: Person;
  let village: Person;
  let township: Person;
  let requestId = '';
  beforeAll(async () => {
    stage = await startStage('slip', { schedulerIntervalMs: 0 });
    [resident, village, township] = await Promise.all([stage.person('resident'), stage.person('village'), stage.person('township')]);
    const url = stage.gw.url;
    const { token } = await api(url, 'session', 'devLogin', { persona: 'resident', villageId: VILLAGE, sampleIdentity: true });
    await loginPhone(resident.page, token);
    const { request } = await api(
      url,
      'requests',
      'submit',
      { itemCode: ITEM.code, intakeCenterId: VILLAGE, form: filledForm(ITEM), materials: [], idempotencyKey: 'slip-e2e-1' },
      token,
    );
    const villageToken = await tokenFor(url, 'clerk', VILLAGE);
    const r = (await api(url, 'clerk', 'precheck', { id: request.id, version: request.version }, villageToken)).request;
    await api(
      url,
      'clerk',
      'sendHandoff',
      {
        id: r.id,
        version: r.version,
        checklist: [
          { name: '居民身份证', form: 'paper_original', count: 1 },
          { name: '申请表', form: 'paper_copy', count: 1 },
        ],
      },
      villageToken,
    );
    await loginPhone(village.page, villageToken);
    await loginPhone(township.page, await tokenFor(url, 'clerk', TOWNSHIP));
    requestId = request.id;
  }, 400_000);
  afterAll(async () => stage?.close());

  it('regression: the sent slip shows its sign-by date and prints alone on the paper', async () => {
    await village.page.goto(`${stage.gw.url}/#/pages-clerk/handoff/index?id=${requestId}`);
    const page = current(village.page);
    await page.locator('.slip-code').waitFor();
    expect(await page.locator('.slip').textContent()).toMatch(/签收期限\d{4}-\d{2}-\d{2} 前/);
    await village.page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.locator('.slip-keep', { hasText: '打印流转单' }).click();
    expect(await village.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await village.shot('01-slip-screen', true);
    await village.page.emulateMedia({ media: 'print' });
    // on paper the page itself is hidden (only the slip is visible), so look the slip's parts up on the whole document
    const shown = (sel: string) =>
      village.page
        .locator(sel)
        .first()
        .evaluate((el) => `${getComputedStyle(el).display}/${getComputedStyle(el).visibility}`);
    expect(await shown('.slip-keep')).toBe('none/hidden');
    expect(await shown('.slip-print-note')).toBe('block/visible');
    expect(await shown('.slip-code')).toBe('block/visible');
    expect(
      await village.page
        .locator('.weui-tabbar__item')
        .first()
        .evaluate((el) => getComputedStyle(el).visibility),
    ).toBe('hidden');
    await village.shot('02-slip-print');
    await village.page.emulateMedia({ media: 'screen' });
  }, 120_000);

  it('regression: after 签收 the clerk and the resident read 已签收，待受理, not 已预审', async () => {
    const url = stage.gw.url;
    const stored = await stage.gw.deps.requests.getRequest(requestId);
    await api(url, 'clerk', 'confirmHandoff', { code: stored!.handoffs[0].code }, await tokenFor(url, 'clerk', TOWNSHIP));
    await township.page.goto(`${url}/#/pages-clerk/request/index?id=${requestId}`);
    await current(township.page).locator('.cr-state', { hasText: '已签收，待受理' }).waitFor();
    await township.shot('03-clerk-signed');
    await resident.page.goto(`${url}/#/pages-service/request/index?id=${requestId}`);
    const detail = current(resident.page);
    await detail.locator('.req-status', { hasText: '已签收，待受理' }).waitFor();
    expect(await detail.locator('.tl-step', { hasText: '签收' }).locator('.zc-tag').textContent()).toBe('已签收');
    await resident.shot('04-resident-signed', true);
  }, 120_000);

  it('regression: the center page counts and lists every item it offers, and 导航去这里 opens 高德地图', async () => {
    const url = stage.gw.url;
    const center = (await stage.gw.deps.directory.getCenter(TOWNSHIP))!;
    await resident.page.goto(`${url}/#/pages-service/center/index?id=${TOWNSHIP}`);
    const page = current(resident.page);
    await page.getByText(`这里能办的事（${center.offers.length}项）`).waitFor();
    await page.locator('.center-all-items', { hasText: `查看全部${center.offers.length}项` }).scrollIntoViewIfNeeded();
    await resident.shot('05-center-all-items');
    await page.locator('.center-all-items').click();
    await current(resident.page).getByText(`共${center.offers.length}项`).waitFor();
    await resident.shot('06-center-items-all');

    // 导航去这里 leaves for 高德地图 (stubbed here: no network in tests) and back returns to the app
    await resident.page.goto(`${url}/#/pages-service/center/index?id=${TOWNSHIP}`);
    await resident.page
      .context()
      .route('https://uri.amap.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>高德地图</title>' }));
    await current(resident.page).locator('.center-actions').waitFor();
    const [map] = await Promise.all([resident.page.waitForRequest(/uri\.amap\.com\/marker/), button(current(resident.page), '导航去这里').click()]);
    const link = new URL(map.url());
    expect(link.searchParams.get('position')).toBe(`${center.location.lng},${center.location.lat}`);
    expect(link.searchParams.get('name')).toBe(center.name);
    expect(link.searchParams.get('coordinate')).toBe('wgs84');
  }, 120_000);
});
