/**
 * The resident's walk in a real Chromium against the real gateway and the real H5 build:
 * pick a persona, bind the profile, find the nearest center, look up a township item, read
 * where to take it and why, apply with a photo, and follow it in 我的办件. Screenshots of each
 * step go to test-output/screenshots/.
 */
import { join } from 'node:path';
import { ROOT } from '../../gateway/h5.build';
import { validIdNumber } from '../support/sample.people';
import { bindResident, button, current, fieldInput, startWalk, tab, type Walk } from './resident.harness';

const PHOTO = join(ROOT, 'miniprogram/src/assets/tab/requests-on.png');
const ITEM = '最低生活保障停发';

describe('a resident in the browser build', () => {
  let w: Walk;
  beforeAll(async () => {
    w = await startWalk('walk');
  }, 180_000);
  afterAll(async () => w?.close());

  it('binds the profile, finds the nearest center, applies for a township item at the home village and follows it', async () => {
    const { page } = w;
    await page.getByText('离您最近的服务中心').waitFor();
    await page.getByText('庞家集村为民服务中心').first().waitFor();
    await w.shot('01-home-nearest');

    await bindResident(w, validIdNumber('19620315', '042'));
    await current(page).getByText('我的信息').waitFor();
    await current(page).getByText('庞家集村为民服务中心').waitFor();
    await w.shot('04-profile-bound');

    await tab(page, '服务中心');
    const centers = current(page);
    await centers.getByText('按您当前位置排序').waitFor();
    expect(await centers.locator('.zc-item-name').first().textContent()).toBe('庞家集村为民服务中心');
    await w.shot('05-centers-nearest');
    await centers.locator('.zc-list-item').first().click();
    const center = current(page);
    await center.getByText('位置为示意，前往前请电话确认').waitFor();
    expect(await center.textContent()).toContain('导航去这里');
    await w.shot('05b-center-detail');
    await page.goBack();

    await tab(page, '首页');
    await current(page).locator('[role="switch"]').first().click();
    await current(page).locator('.zc-elder').first().waitFor();
    await w.shot('05c-home-elder-mode');
    await current(page).locator('[role="switch"]').first().click();

    await current(page).locator('.zc-search input').fill(ITEM);
    await current(page).getByText('搜索', { exact: true }).click();
    const results = current(page);
    await results.locator('.zc-item-name', { hasText: ITEM }).first().waitFor();
    await w.shot('06-search');
    await results.locator('.zc-item-name', { hasText: ITEM }).first().click();

    const guide = current(page);
    await guide.locator('.guide-explanation').waitFor();
    const explanation = await guide.locator('.guide-explanation').textContent();
    expect(explanation).toContain('香城镇为民服务中心');
    expect(explanation).toContain('庞家集村');
    const firstOption = guide.locator('.intake').first();
    expect(await firstOption.locator('.intake-center').textContent()).toBe('庞家集村为民服务中心');
    expect(await firstOption.locator('.zc-chain').textContent()).toMatch(/庞家集村为民服务中心.*→.*香城镇为民服务中心/);
    await w.shot('07-guide');
    await guide.getByText('需要准备的材料').scrollIntoViewIfNeeded();
    await w.shot('07b-guide-materials');

    await button(guide, '我要申请').click();
    const apply = current(page);
    await fieldInput(apply, 'idNumber').waitFor();
    // the bound ID and phone are prefilled, masked: the full numbers never come back to the app
    const boundId = validIdNumber('19620315', '042');
    await apply.locator('[data-field="idNumber"] .apply-own').waitFor();
    expect(await fieldInput(apply, 'idNumber').inputValue()).toBe(`${boundId.slice(0, 4)}**********${boundId.slice(14)}`);
    expect(await fieldInput(apply, 'phone').inputValue()).toBe('138****1234');
    expect(await apply.locator('[data-field="phone"] .apply-own').textContent()).toContain('已填入您绑定的手机号');
    await fieldInput(apply, 'householdSize').fill('3');
    await fieldInput(apply, 'reason').fill('家庭收入已超过低保标准，申请停发');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(apply.locator('[data-material="居民身份证"]'), '拍照/选图').click()]);
    await chooser.setFiles(PHOTO);
    await apply.getByText('已上传').waitFor();
    expect(await apply.locator('.intake-selected .intake-center').textContent()).toBe('庞家集村为民服务中心');
    await w.shot('08-apply');

    await button(apply, '提交申请').click();
    await w.shot('08b-confirm');
    await button(page, '确认提交').click();
    const result = current(page);
    await result.getByText('申请已提交').waitFor();
    const trackingNo = (await result.locator('.result-no').textContent()) ?? '';
    expect(trackingNo).toMatch(/^ZC\d{8}[A-Z0-9]+$/);
    await w.shot('09-result');

    await button(result, '查看办理进度').click();
    const detail = current(page);
    await detail.locator('.tl-step').first().waitFor();
    expect(await detail.textContent()).toContain(trackingNo);
    expect(await detail.locator('.tl-step').first().textContent()).toContain('提交申请');
    expect(await detail.locator('.zc-chain').textContent()).toMatch(/庞家集村为民服务中心.*→.*香城镇为民服务中心/);
    await w.shot('10-request-timeline');

    await button(detail, '查看我的全部办件').click();
    const mine = current(page);
    await mine.getByText(trackingNo, { exact: false }).waitFor();
    await w.shot('11-my-requests');
  }, 180_000);
});

describe('a resident who makes mistakes in the browser build', () => {
  let w: Walk;
  beforeAll(async () => {
    w = await startWalk('bad');
  }, 180_000);
  afterAll(async () => w?.close());

  it('is told about a wrong ID checksum, an empty required field and gets one request from a double tap', async () => {
    const { page } = w;
    const goodId = validIdNumber('19550808', '017');
    const badId = goodId.slice(0, 17) + (goodId[17] === '1' ? '2' : '1');
    await bindResident(w, badId, false);
    const profile = current(page);
    await profile.getByText('身份证号码不正确，请核对后重新输入').waitFor();
    expect(await profile.locator('input').nth(0).inputValue()).toBe('王秀英');
    await w.shot('01-wrong-id-checksum');
    await profile.locator('input').nth(1).fill(goodId);
    await button(profile, '保存').click();
    await current(page).getByText('我的信息').waitFor();

    await page.goto(`${w.gw.url}/#/pages-service/apply/index?code=ZC-T-0002`);
    const apply = current(page);
    await fieldInput(apply, 'idNumber').waitFor();
    await fieldInput(apply, 'idNumber').fill(goodId);
    await fieldInput(apply, 'phone').fill('13805371234');
    await fieldInput(apply, 'householdSize').fill('4');
    await button(apply, '提交申请').click();
    await apply.getByText('请填写申请事由').waitFor();
    expect(await fieldInput(apply, 'householdSize').inputValue()).toBe('4');
    expect(await fieldInput(apply, 'idNumber').inputValue()).toBe(goodId);
    await apply.locator('[data-field="reason"]').scrollIntoViewIfNeeded();
    await w.shot('02-empty-required-field');

    await fieldInput(apply, 'reason').fill('家庭成员就业，收入增加');
    await button(apply, '提交申请').dblclick();
    await button(page, '确认提交').dblclick();
    const result = current(page);
    await result.getByText('申请已提交').waitFor();
    await w.shot('03-double-tap-one-request');
    const stored = await w.gw.deps.requests.listRequests({}, { page: 1, pageSize: 50 });
    expect(stored.total).toBe(1);

    await button(result, '我的全部办件').click();
    const mine = current(page);
    await mine.locator('.zc-item-name', { hasText: ITEM }).first().waitFor();
    expect(await mine.locator('.zc-item-name', { hasText: ITEM }).count()).toBe(1);
    await w.shot('04-my-requests-one');
  }, 180_000);
});

describe('the city center and the privacy guide in the browser build', () => {
  let w: Walk;
  beforeAll(async () => {
    w = await startWalk('pages');
  }, 180_000);
  afterAll(async () => w?.close());

  it('the city center says how many items it offers and links to all of them (it listed 100 of 559 silently), and the guide reads in Chinese', async () => {
    const { page } = w;
    const offered = (await w.gw.deps.directory.getCenter('city'))!.offers.length;
    await page.goto(`${w.gw.url}/#/pages-service/center/index?id=city`);
    const center = current(page);
    await center.getByText(`这里能办的事（${offered}项）`).waitFor();
    const more = center.getByText(`查看全部${offered}项`, { exact: false });
    await more.scrollIntoViewIfNeeded();
    await w.shot('01-city-center-more');
    await more.click();
    const items = current(page);
    await items.getByText(`共${offered}项`, { exact: false }).waitFor();
    await w.shot('02-city-center-all-items');

    await page.goto(`${w.gw.url}/#/pages/profile/index`);
    await current(page).getByText('隐私保护指引').click();
    const guide = current(page);
    await guide.getByText('我们收集哪些信息、用来做什么').waitFor();
    expect(await guide.textContent()).toContain('位置信息');
    await w.shot('03-privacy-guide');
    await w.shot('04-privacy-guide-full', true);
  }, 180_000);
});
