/**
 * The city administrator end to end, at a PC (1280×800) and on a phone (375×812), against one
 * real gateway: the home warns that the holiday calendar runs out; the administrator invites a
 * clerk of 庞家集村, who redeems the code in a second browser context and lands in the clerk
 * workspace; the administrator sees the invitation used and the clerk listed, enters a year's
 * schedule (a pasted list with a mistake first, then checked and saved), and the warning goes;
 * then imports the villages' offers: a dry run with a wrong row, then the corrected file, applied;
 * and finds it all in the audit log; then, with matters made over the API, reads the dashboard's
 * charts (the city by township, drilled down to a township's villages), exports a view, and records
 * the return call on the bad review among them, which closes its rectification case.
 * Screenshots go to test-output/screenshots/admin-*.png.
 *
 * TEST DATA: the 2027 schedule typed below is made up (测试数据，非官方安排).
 */
import { writeCsv } from '../../cloudfunctions/core/services/import.files';
import { rowsOfOffers } from '../../shared/import.rows';
import type { Rows } from '../../shared/import.report';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { button, current, startStage, type Person, type Stage, settled } from './resident.harness';
import { makeMatters } from './admin.data';

const MADE_UP_2027 = '2027-01-01~2027-01-03 休 元旦（测试数据）\n2027-02-06~2027-02-12 休 春节（测试数据）\n2027-02-14 班';

/** Logs in through the persona picker as the administrator and waits for the admin home. */
const loginAdmin = async (p: Person) => {
  await p.page.goto(`${new URL(p.page.url()).origin}/#/pages/dev-login/index`);
  await button(current(p.page), '以市级管理员身份进入').click();
  await current(p.page).locator('.admin-tiles').waitFor();
};

describe('the city administrator at a PC and on a phone', () => {
  let stage: Stage;
  let desk: Person;
  let phoneAdmin: Person;
  let newcomer: Person;
  let bad: { badId: string; village: string } | undefined;
  beforeAll(async () => {
    stage = await startStage('admin', { schedulerIntervalMs: 0 });
    [desk, phoneAdmin, newcomer] = await Promise.all([stage.person('desk', { desktop: true }), stage.person('phone'), stage.person('newcomer')]);
  }, 240_000);
  afterAll(async () => stage?.close());

  it('invites a clerk who redeems the code elsewhere, and enters the next year of the holiday calendar', async () => {
    // 1. the admin home, warning that the calendar runs out (the gateway runs on the machine's clock)
    await loginAdmin(desk);
    await current(desk.page).locator('[data-warning="calendar"]').waitFor();
    await settled(desk.page);
    await desk.shot('01-home-desktop');
    await loginAdmin(phoneAdmin);
    await settled(phoneAdmin.page);
    await phoneAdmin.shot('01-home-phone');

    // 2. invite a clerk of 庞家集村 (香城镇)
    await current(desk.page).locator('[data-tile="邀请与人员"]').click();
    const invites = current(desk.page);
    await button(invites, '选择镇街或村居的中心').click();
    await button(desk.page, '香城镇').click();
    await desk.page.locator('.zc-item-name:visible', { hasText: '庞家集村为民服务中心' }).first().click();
    await invites.locator('[data-field="note"] input').fill('庞家集村 新任代办员');
    await button(invites, '生成邀请码').click();
    const made = invites.locator('[data-invite-code]');
    await made.waitFor();
    const code = (await made.getAttribute('data-invite-code'))!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await settled(desk.page);
    await desk.shot('02-invite-made-desktop');

    // 3. a newcomer signs in in another browser and redeems it: a wrong code first, then the right one
    await button(newcomer.page, '选择体验身份').click();
    await button(newcomer.page, '以新居民身份进入').click();
    await current(newcomer.page).getByText('我有邀请码').click();
    const redeem = current(newcomer.page);
    await redeem.locator('[data-field="code"] input').fill('ZZZZ-ZZZZ');
    await button(redeem, '确认').click();
    await redeem.getByText('邀请码不对，请核对后重新输入').waitFor();
    await newcomer.shot('03-redeem-wrong-code');
    await redeem.locator('[data-field="code"] input').fill(`${code.slice(0, 4)}-${code.slice(4)}`);
    await button(redeem, '确认').click();
    await current(newcomer.page).locator('.qb').waitFor();
    await expect(current(newcomer.page).locator('.clerk-center').textContent()).resolves.toContain('庞家集村');
    await settled(newcomer.page);
    await newcomer.shot('04-clerk-home-after-redeem');

    // 4. the administrator sees the invitation used and the new clerk by center
    await desk.page.reload();
    const again = current(desk.page);
    await again
      .locator(`[data-invite="${code.slice(-2)}"]`, { hasText: '已使用' })
      .first()
      .waitFor();
    await again.locator('[data-person]', { hasText: '庞家集村' }).first().waitFor();
    await settled(desk.page);
    await desk.shot('05-invites-people-desktop');
    await phoneAdmin.page.goto(`${stage.gw.url}/#/pages-admin/invites/index`);
    await current(phoneAdmin.page).locator('[data-person]').first().waitFor();
    await phoneAdmin.shot('05-invites-people-phone', true);

    // 5. the calendar: a mistake is shown by line, the checked year lists its days, and saving ends the warning
    await desk.page.goto(`${stage.gw.url}/#/pages-admin/calendar/index`);
    const cal = current(desk.page);
    await cal.locator('[data-field="text"] textarea').fill(`${MADE_UP_2027}\n2027-02-30 休`);
    await button(cal, '检查').click();
    await cal.getByText('第4行的日期不存在').waitFor();
    await desk.shot('06-calendar-mistake-desktop');
    await cal.locator('[data-field="text"] textarea').fill(MADE_UP_2027);
    await button(cal, '检查').click();
    await cal.locator('[data-checked="2027"]', { hasText: '放假10天，调休上班1天' }).waitFor();
    await settled(desk.page);
    await desk.shot('07-calendar-checked-desktop');
    await button(cal, '确认保存').click();
    await current(desk.page).locator('[data-year="2027"]').waitFor();
    await settled(desk.page);
    await desk.shot('08-calendar-saved-desktop');
    await desk.page.goto(`${stage.gw.url}/#/pages-admin/home/index`);
    await current(desk.page).getByText('节假日日历已覆盖到2027-12-31').waitFor();
    expect(await current(desk.page).locator('[data-warning="calendar"]').count()).toBe(0);
  }, 240_000);

  it('imports the villages offers after a dry run: a wrong row blocks it, the corrected file goes in and can be undone', async () => {
    const offers = rowsOfOffers(loadSampleCenters());
    const [village, firstItem] = offers.rows[0];
    const township = loadSampleItems().find((i) => i.level === 'township')!;
    const corrected = { header: offers.header, rows: offers.rows.filter((r) => r[0] !== village || r[1] === firstItem) };
    const wrong = { header: offers.header, rows: [...corrected.rows, [village, township.code]] };
    const choose = async (rows: Rows) => {
      const [chooser] = await Promise.all([desk.page.waitForEvent('filechooser'), button(current(desk.page), '选择文件并检查').click()]);
      await chooser.setFiles({ name: '村居可办事项.csv', mimeType: 'text/csv', buffer: writeCsv(rows) });
    };
    await desk.page.goto(`${stage.gw.url}/#/pages-admin/imports/index`);
    const page = current(desk.page);
    await button(page, '村居可办事项').click();
    await choose(wrong);
    await page.getByText(`“${township.code}”不是村居事项`).waitFor();
    await settled(desk.page);
    await desk.shot('09-import-dry-run-error-desktop');
    await choose(corrected);
    await page.getByText('检查通过，可以导入').waitFor();
    await page.locator('[data-report="offers"]', { hasText: '修改 1' }).waitFor();
    await settled(desk.page);
    await desk.shot('10-import-dry-run-ok-desktop');
    await button(page, '确认导入').click();
    await page.locator('[data-import="offers"]', { hasText: '已导入' }).waitFor();
    await settled(desk.page);
    await desk.shot('11-import-applied-desktop');
    await phoneAdmin.page.goto(`${stage.gw.url}/#/pages-admin/imports/index`);
    await current(phoneAdmin.page).locator('[data-import="offers"]').waitFor();
    await phoneAdmin.shot('11-imports-phone');

    // the audit log shows the import, the calendar entry and the invitation, searchable by center
    await desk.page.goto(`${stage.gw.url}/#/pages-admin/audit/index`);
    const audit = current(desk.page);
    await audit.locator('[data-audit="import.apply"]').first().waitFor();
    await audit.locator('[data-field="centerId"] input').fill('v-101-001');
    await button(audit, '查找').click();
    // the unfiltered list shows an invite.redeem too: wait for the search's answer to replace it
    await audit.locator('[data-audit="import.apply"]').first().waitFor({ state: 'detached' });
    await audit.locator('[data-audit="invite.redeem"]').first().waitFor();
    expect(await audit.locator('[data-audit="import.apply"]').count()).toBe(0);
    await settled(desk.page);
    await desk.shot('12-audit-by-center-desktop');
  }, 240_000);

  it('reads the dashboard: shares settled by level, the city by township drilled down to villages, and exports a view', async () => {
    bad = await makeMatters(stage.gw.url);
    await loginAdmin(desk);
    await current(desk.page).locator('[data-tile="指标看板"]').click();
    const dash = current(desk.page);
    await dash.locator('[data-panel="settled"] canvas').first().waitFor();
    await expect(dash.locator('[data-share="village"]').textContent()).resolves.toContain('100%');
    await dash.locator('[data-panel="area"] canvas').first().waitFor();
    await settled(desk.page);
    await desk.shot('13-dashboard-city-desktop', true);
    expect(await dash.locator('[data-panel]').count()).toBe(7);

    // drill into 峄山镇: its villages, then back to the city
    await dash.locator('[data-area="110"]').click();
    await dash.locator('[data-scope="110"]').waitFor();
    await dash.locator('[data-area^="v-110-"]').nth(1).waitFor();
    await dash.locator('[data-panel="area"]').scrollIntoViewIfNeeded();
    await settled(desk.page);
    await desk.shot('14-dashboard-township-desktop');

    // any view as a spreadsheet
    const [download] = await Promise.all([desk.page.waitForEvent('download'), dash.locator('[data-export="area"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^峄山镇各服务中心.*\.xlsx$/);
    await dash.locator('.dash-crumb').click();
    await dash.locator('[data-scope="city"]').waitFor();

    // by day on the phone
    await loginAdmin(phoneAdmin);
    await phoneAdmin.page.goto(`${stage.gw.url}/#/pages-admin/dashboard/index`);
    const small = current(phoneAdmin.page);
    await small.locator('[data-panel="settled"] canvas').first().waitFor();
    await button(small, '按日').click();
    await small.locator('.dash-scope .zc-muted', { hasText: '至' }).waitFor();
    await settled(phoneAdmin.page);
    await phoneAdmin.shot('13-dashboard-phone', true);
    await small.locator('[data-panel="area"]').scrollIntoViewIfNeeded();
    await phoneAdmin.shot('14-dashboard-area-phone');
  }, 240_000);

  it('lists the open rectification case and records its return call, which closes it', async () => {
    bad ??= await makeMatters(stage.gw.url);
    await phoneAdmin.page.goto(`${stage.gw.url}/#/pages-admin/home/index`);
    await current(phoneAdmin.page).locator('[data-tile="差评整改"]').click();
    const page = current(phoneAdmin.page);
    const card = page.locator(`[data-case="${bad.badId}"]`);
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('来回跑了多次');
    await settled(phoneAdmin.page);
    await phoneAdmin.shot('15-rectify-open-phone');
    await card.locator(`[data-call="${bad.badId}"]`).click();
    const dialog = phoneAdmin.page.locator('[role="dialog"][aria-label="记录整改回访"]');
    await dialog.locator('[data-field="caller"] input').fill('市政务服务中心 王科长');
    await dialog.locator('[data-field="note"] textarea').fill('已电话致歉，说明了所需材料，可提前电话预约一次办好');
    await dialog.locator('.zc-option', { hasText: /^满意$/ }).click();
    await phoneAdmin.shot('16-rectify-return-call-phone');
    await button(dialog, '确定记录回访').click();
    await page.getByText('没有待整改的差评').waitFor();
    await settled(phoneAdmin.page);
    await phoneAdmin.shot('17-rectify-closed-phone');

    await loginAdmin(desk);
    await desk.page.goto(`${stage.gw.url}/#/pages-admin/rectify/index`);
    await current(desk.page).getByText('没有待整改的差评').waitFor();
    await desk.page.goto(`${stage.gw.url}/#/pages-admin/dashboard/index`);
    const dash = current(desk.page);
    await dash.locator('[data-panel="reviews"] canvas').first().waitFor();
    await dash.locator('[data-panel="reviews"]').scrollIntoViewIfNeeded();
    await settled(desk.page);
    await desk.shot('18-dashboard-reviews-desktop');
  }, 240_000);
});
