/**
 * Where a first-time resident got stuck between binding and a supplement, walked again in the
 * browser: the empty ID field, the village picker of a 62-village township, 0米 for the own
 * village, the title bar, a company item seen by a resident, the apply confirmation with the
 * bound identity filled in, a dropped PDF, the originals on the result page, the red withdraw,
 * 当场办结 for a 即办件, and a supplement with its date and one photo per missing material.
 * Screenshots go to test-output/screenshots/fix-*.png.
 */
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ROOT } from '../../gateway/h5.build';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleItems } from '../../data/sample';
import { api, tokenFor, tokenOfPhone } from './api.kit';
import { button, current, fieldInput, openBindForm, startWalk, tab, type Walk } from './resident.harness';

const PHOTO = join(ROOT, 'miniprogram/src/assets/tab/requests-on.png');
const ID = validIdNumber('19580412', '026');
const TOWNSHIP_ITEM = 'ZC-T-0002'; // 最低生活保障停发: paper originals, decided by 香城镇
const IMMEDIATE = 'ZC-T-0001'; // a 即办件 (0 working days)

describe('the walk from binding to a supplement, fixed', () => {
  let w: Walk;
  beforeAll(async () => {
    w = await startWalk('fix', { schedulerIntervalMs: 0 });
  }, 400_000);
  afterAll(async () => w?.close());

  it('regression: binding says 请填写身份证号 for an empty field, and the village picker finds a village by typing', async () => {
    const { page } = w;
    await button(page, '选择体验身份').click();
    await button(page, '以新居民身份进入').click();
    const profile = current(page);
    await profile.getByText('完善实名信息').first().waitFor();
    // the browser title bar: the page's title, no back button on a tab page (the router sets the
    // document title as the page shows, which on a busy machine comes after the page's content)
    await profile
      .locator('.zc-navbar-title')
      .filter({ hasText: /^我的$/ })
      .waitFor();
    expect(await profile.locator('.zc-navbar-title').textContent()).toBe('我的');
    expect(await profile.locator('.zc-navbar-back').count()).toBe(0);
    // the form is a page of its own (办事 subpackage): 我的 opens it, saving comes back
    await openBindForm(page);
    await profile.locator('input').nth(0).fill('李桂兰');
    await profile.locator('input').nth(2).fill('13805370026');
    await button(profile, '保存').click();
    await profile.getByText('请填写身份证号').waitFor();
    expect(await profile.getByText('号码不正确').count()).toBe(0);
    await w.shot('01-empty-id');
    await profile.locator('input').nth(1).fill(ID);
    await profile.getByText('点这里，先选镇街再选村居').click();
    await button(page, '香城镇').click();
    await page.locator('.vp-search input').fill('庞家');
    await page.locator('.zc-item-name:visible', { hasText: '庞家集村为民服务中心' }).first().waitFor();
    expect(await page.locator('.zc-item-name:visible').count()).toBe(1);
    await w.shot('02-picker-search');
    await page.locator('.zc-item-name:visible', { hasText: '庞家集村为民服务中心' }).first().click();
    await button(profile, '保存').click();
    await current(page).getByText('我的信息').waitFor();
  }, 120_000);

  it('regression: the own village reads 您的村居, not 0米, a distance never wraps, and villages show their township', async () => {
    const { page } = w;
    await tab(page, '服务中心');
    const centers = current(page);
    const own = centers.locator('[data-center="v-101-001"]');
    await own.waitFor();
    expect(await own.locator('.zc-distance').textContent()).toBe('您的村居');
    expect(await centers.textContent()).not.toMatch(/(^|[^\d.])0米/);
    const far = centers.locator('.zc-distance', { hasText: '公里' }).first();
    const box = await far.boundingBox();
    const lineHeight = await far.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(box!.height).toBeLessThan(lineHeight * 1.5);
    expect(await own.locator('.zc-township').textContent()).toBe('香城镇');
    await w.shot('03-nearest-own-village');
  }, 60_000);

  it('regression: a company item tells a resident who it is for and offers the company path', async () => {
    const { page } = w;
    const fresh = await w.phone.browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const other = await fresh.newPage();
    await other.goto(w.gw.url);
    await button(other, '选择体验身份').click();
    await button(other, '以新居民身份进入').click();
    await current(other).getByText('完善实名信息').first().waitFor();
    await other.goto(`${w.gw.url}/#/pages-service/guide/index?code=ZC-T-0071`);
    const guide = current(other);
    await guide.locator('.guide-company').waitFor();
    expect(await guide.locator('.guide-company').textContent()).toContain('这是企业办理的事项');
    expect(await guide.textContent()).not.toContain('这个事项不面向您这类申请人办理');
    expect(await guide.locator('.guide-audience').textContent()).toBe('面向企业');
    expect(await button(guide.locator('.zc-footer-bar'), '认领或加入企业后申请').isEnabled()).toBe(true);
    await other.screenshot({ path: join(ROOT, 'test-output/screenshots/fix-04-company-item.png') });
    await button(guide.locator('.zc-footer-bar'), '认领或加入企业后申请').click();
    await current(other).getByText('我的企业').waitFor();
    await fresh.close();
    expect(page.url()).toContain(w.gw.url);
  }, 120_000);

  it('regression: applying asks to confirm the form, materials and destination, fills in the bound identity, refuses a PDF with a message and says where the originals go by when', async () => {
    const { page } = w;
    await page.goto(`${w.gw.url}/#/pages-service/apply/index?code=${TOWNSHIP_ITEM}`);
    const apply = current(page);
    await fieldInput(apply, 'idNumber').waitFor();
    // the bound numbers come masked from the server (ownPrefill); the phone never keeps them
    expect(await fieldInput(apply, 'idNumber').inputValue()).toBe(`${ID.slice(0, 4)}**********${ID.slice(-4)}`);
    expect(await fieldInput(apply, 'phone').inputValue()).toBe('138****0026');
    await apply.getByText('已按您的实名信息填好本人信息，请核对').waitFor();
    // a page opened directly offers 首页 in the title bar
    expect(await apply.locator('.zc-navbar-back').textContent()).toBe('⌂ 首页');
    await fieldInput(apply, 'householdSize').fill('2');
    await fieldInput(apply, 'reason').fill('子女就业，家庭收入已超过低保标准');
    const pdf = join(mkdtempSync(join(tmpdir(), 'zc-pdf-')), '户口本.pdf');
    writeFileSync(pdf, '%PDF-1.4 not a photo');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(apply.locator('[data-material="居民身份证"]'), '拍照/选图').click()]);
    await chooser.setFiles(pdf);
    await page.getByText('只能上传照片').waitFor();
    await w.shot('05-not-a-photo');
    await page.locator('.taro-model__confirm:visible', { hasText: '知道了' }).click();
    const [again] = await Promise.all([page.waitForEvent('filechooser'), button(apply.locator('[data-material="居民身份证"]'), '拍照/选图').click()]);
    await again.setFiles(PHOTO);
    await apply.getByText('已上传').waitFor();
    await button(apply, '提交申请').click();
    const sheet = page.getByRole('dialog', { name: '请核对后提交' });
    await sheet.waitFor();
    expect(await w.gw.deps.requests.listRequests({}, { page: 1, pageSize: 5 })).toMatchObject({ total: 0 });
    expect(await sheet.locator('[data-confirm-field="idNumber"]').textContent()).toContain(`${ID.slice(0, 4)}**********${ID.slice(-4)}`);
    expect(await sheet.locator('[data-confirm-material="居民身份证"]').textContent()).toContain('已拍照1张');
    expect(await sheet.locator('[data-confirm="destination"]').textContent()).toContain('庞家集村为民服务中心');
    await w.shot('06-confirm-sheet');
    await button(page, '确认提交').click();
    const result = current(page);
    await result.locator('.result-originals').waitFor();
    const originals = (await result.locator('.result-originals').textContent()) ?? '';
    expect(originals).toContain('居民身份证（原件，复印件1份）');
    expect(originals).toContain('送到：庞家集村为民服务中心');
    expect(originals).toMatch(/请在 \d{4}-\d{2}-\d{2} 前送到/);
    await w.shot('07-result-originals', true);
  }, 180_000);

  it('regression: a 即办件 reads 当场办结, and withdrawing asks with a red button', async () => {
    const { page } = w;
    const token = await tokenOfPhone(page);
    const item = loadSampleItems().find((i) => i.code === IMMEDIATE)!;
    const { request } = await api(
      w.gw.url,
      'requests',
      'submit',
      { itemCode: IMMEDIATE, intakeCenterId: 'v-101-001', form: filledForm(item), materials: [], idempotencyKey: 'fix-immediate' },
      token,
    );
    await page.goto(`${w.gw.url}/#/pages-service/request/index?id=${request.id}`);
    const detail = current(page);
    await detail.locator('.zc-deadline', { hasText: '当场办结' }).waitFor();
    expect(await detail.textContent()).not.toContain('0个工作日');
    await button(detail, '撤回申请').click();
    const confirm = page.locator('.taro-model__confirm:visible');
    await confirm.waitFor();
    expect(await confirm.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(217, 48, 38)');
    await w.shot('08-red-withdraw');
    await page.locator('.taro-model__cancel:visible').click();
  }, 120_000);

  it('regression: a supplement shows its date, takes one photo per missing material, shows what was sent and confirms it', async () => {
    const { page } = w;
    const stored = await w.gw.deps.requests.listRequests({ state: 'submitted' }, { page: 1, pageSize: 10 });
    // the application of the apply step above, not the 即办件 left standing after the cancelled withdraw
    const r0 = stored.items.find((r) => r.itemCode === TOWNSHIP_ITEM)!;
    const village = await tokenFor(w.gw.url, 'clerk', 'v-101-001');
    const township = await tokenFor(w.gw.url, 'clerk', 'ts-101');
    let r = (await api(w.gw.url, 'clerk', 'precheck', { id: r0.id, version: r0.version }, village)).request;
    r = (
      await api(
        w.gw.url,
        'clerk',
        'sendHandoff',
        { id: r.id, version: r.version, checklist: [{ name: '居民身份证', form: 'paper_original', count: 1 }] },
        village,
      )
    ).request;
    r = (await api(w.gw.url, 'clerk', 'confirmHandoff', { code: r.handoffs[0].code }, township)).request;
    r = (await api(w.gw.url, 'clerk', 'accept', { id: r.id, version: r.version }, township)).request;
    await api(w.gw.url, 'clerk', 'pause', { id: r.id, version: r.version, reason: '材料不全', missing: ['户口簿', '家庭收入情况声明'] }, township);

    await page.goto(`${w.gw.url}/#/pages-service/request/index?id=${r.id}`);
    const detail = current(page);
    await detail.getByText('需要补正：户口簿、家庭收入情况声明').waitFor();
    expect(await detail.locator('.sp-by').textContent()).toMatch(/请于 \d{4}-\d{2}-\d{2} 前补齐/);
    expect(await detail.locator('.zc-deadline').textContent()).toMatch(/请于\d{4}-\d{2}-\d{2}前补齐材料/);
    // the applicant's own photo from the application (its link arrives after the page: a placeholder shows until then)
    const photo = detail.locator('.mf-photo[src]').first();
    await photo.waitFor();
    expect(await photo.getAttribute('src')).toMatch(/^\/files\//);
    for (const m of ['户口簿', '家庭收入情况声明']) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(detail.locator(`[data-supplement="${m}"]`), '拍照/选图').click()]);
      await chooser.setFiles(PHOTO);
      await detail.locator(`[data-supplement="${m}"] .sp-photo`).waitFor();
    }
    await w.shot('09-supplement-two-materials', true);
    await button(detail, '提交补正材料（2/2项）').click();
    await detail.locator('.sp-sent').waitFor();
    expect(await detail.locator('.sp-sent').textContent()).toContain('补正材料已提交');
    const after = await w.gw.deps.requests.getRequest(r.id);
    expect(after!.materials.slice(-2).map((m) => m.name)).toEqual(['户口簿', '家庭收入情况声明']);
    await w.shot('10-supplement-sent', true);
  }, 180_000);
});
