/**
 * 静默认证 end to end on phones (375×812), against one real gateway: the administrator imports a
 * roster of ten people of 庞家集村 and evidence for seven of them (each a dry run first), matches,
 * and reads 70% certified silently; the village clerk opens 待认证, finds the three others, and
 * certifies the bound resident at home with a photo; the resident sees 已认证（上门） under 我的.
 * Screenshots go to test-output/screenshots/certify-*.png.
 *
 * TEST DATA: the people are made up (checksum-valid numbers, 测试数据).
 */
import { join } from 'node:path';
import { writeCsv } from '../../cloudfunctions/core/services/import.files';
import { addChinaDays, chinaDateOf } from '../../shared/china.time';
import { addMonths } from '../../shared/certify.rules';
import { validIdNumber } from '../support/sample.people';
import { bindResident, button, current, loginClerk, startStage, type Person, type Stage, settled } from './resident.harness';

const ROOT = join(__dirname, '..', '..');
const PHOTO = join(ROOT, 'miniprogram/src/assets/tab/requests-on.png');
const PEOPLE = Array.from({ length: 10 }, (_, i) => validIdNumber(`19${45 + i}0601`, String(300 + i)));
// the resident who binds in the app is the last one: no evidence, so the clerk certifies them at home
const RESIDENT_ID = PEOPLE[9];

describe('静默认证: an administrator imports, 70% certify silently, the village clerk visits one, the resident sees how', () => {
  let stage: Stage;
  let admin: Person;
  let clerk: Person;
  let resident: Person;
  beforeAll(async () => {
    stage = await startStage('certify', { schedulerIntervalMs: 0 });
    [admin, clerk, resident] = await Promise.all([stage.person('admin'), stage.person('clerk'), stage.person('resident')]);
  }, 240_000);
  afterAll(async () => stage?.close());

  it('walks the whole round', async () => {
    // the period ends in 20 days, so the three without evidence are due and queued
    const today = chinaDateOf(new Date().toISOString())!;
    const periodEnd = addChinaDays(today, 20);
    const periodStart = addChinaDays(addMonths(periodEnd, -12), 1);
    const roster = writeCsv({
      header: ['身份证号', '姓名', '认证项目', '村居编号', '认证期开始', '认证期结束'],
      rows: PEOPLE.map((id, i) => [id, `测试${'甲乙丙丁戊己庚辛壬癸'[i]}某`, '城乡居民养老保险待遇领取', 'v-101-001', periodStart, periodEnd]),
    });
    const evidence = writeCsv({
      header: ['身份证号', '来源', '日期', '业务编号'],
      rows: PEOPLE.slice(0, 7).map((id, i) => [id, i % 2 ? '社保卡用卡' : '医保结算', addChinaDays(today, -10 - i), `T-${i}`]),
    });

    // 0. the resident binds their ID in the app first (one of the ten)
    await bindResident(resident, RESIDENT_ID, false);
    await current(resident.page).getByText('我的信息').waitFor();

    // 1. the administrator: roster, then evidence, each checked before it goes in
    await admin.page.goto(`${stage.gw.url}/#/pages/dev-login/index`);
    await button(current(admin.page), '以市级管理员身份进入').click();
    await current(admin.page).locator('[data-tile="静默认证"]').click();
    const page = current(admin.page);
    await page.getByText('还没有导入名册').waitFor();
    await admin.shot('01-empty');
    const choose = async (name: string, bytes: Buffer) => {
      const [chooser] = await Promise.all([admin.page.waitForEvent('filechooser'), button(page, '选择文件并检查').click()]);
      await chooser.setFiles({ name, mimeType: 'text/csv', buffer: bytes });
    };
    await choose('认证名册.csv', roster);
    await page.locator('[data-report="roster"]', { hasText: '新增 10' }).waitFor();
    await page.getByText('检查通过，可以导入').waitFor();
    await settled(admin.page);
    await admin.shot('02-roster-dry-run');
    await button(page, '确认导入').click();
    await page.locator('[data-report]').waitFor({ state: 'detached' });
    await button(page, '核验记录').click();
    await choose('核验记录.csv', evidence);
    await page.locator('[data-report="evidence"]', { hasText: '新增 7' }).waitFor();
    await settled(admin.page);
    await admin.shot('03-evidence-dry-run');
    await button(page, '确认导入').click();
    await page.locator('[data-report]').waitFor({ state: 'detached' });

    // 2. match now: seven of ten certified silently
    await button(page, '立即匹配').click();
    await page.locator('[data-pass-report]', { hasText: '静默认证7人' }).waitFor();
    const city = page.locator('[data-outcome="all"]');
    await city.getByText('静默 70%').waitFor();
    expect(await city.textContent()).toContain('未认证 30%');
    await settled(admin.page);
    await admin.shot('04-matched', true);

    // 3. the village clerk: three to certify; the resident is certified at home, with a photo
    await loginClerk(clerk, '庞家集村为民服务中心');
    await button(current(clerk.page), '待认证').click();
    const queue = current(clerk.page);
    await queue.getByText('待认证（3人）').waitFor();
    await settled(clerk.page);
    await clerk.shot('01-queue');
    const card = queue.locator(`[data-certify-entry$="${RESIDENT_ID.slice(-4)}"]`);
    expect(await queue.textContent()).not.toContain(RESIDENT_ID);
    const [chooser] = await Promise.all([clerk.page.waitForEvent('filechooser'), button(card, '上门认证通过').click()]);
    await chooser.setFiles(PHOTO);
    await queue.getByText('待认证（2人）').waitFor();
    await settled(clerk.page);
    await clerk.shot('02-after-visit');

    // 4. the resident sees how each scheme was certified, and the real ways to certify
    // the resident has stayed on 我的 since binding: they come back to the app later
    await resident.page.goto(`${stage.gw.url}/#/pages/profile/index`);
    await resident.page.reload();
    const profile = current(resident.page);
    await profile.getByText('我的信息').waitFor();
    await profile.locator('[data-certify-state="certified"]', { hasText: '已认证（上门）' }).waitFor();
    expect(await profile.locator('[data-certify-ways]').textContent()).toContain('本程序不提供刷脸认证');
    await profile.locator('[data-scheme="pension"]').scrollIntoViewIfNeeded();
    await resident.shot('01-profile-certified');
    await resident.shot('02-profile-full', true);

    // 5. the indicators now read one in ten by visit
    await admin.page.reload();
    await current(admin.page).locator('[data-outcome="all"]').getByText('上门/窗口 10%').waitFor();
  }, 240_000);
});
