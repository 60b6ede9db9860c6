/**
 * A bad review that goes somewhere, and clerks who are told of their work, in the browser: the
 * village clerk is notified of a new application (unread badge on the workspace); the resident
 * opens the result from its notice, sees the rating choice they tap (it used to show none, and
 * the status read 已办结 已办结), must give a reason for 不满意; the deciding center finds it in
 * its 整改 queue with the deadline and records the return call; the resident sees the progress.
 * Screenshots go to test-output/screenshots/rect-*.png.
 */
import { loadSampleItems } from '../../data/sample';
import { filledForm } from '../support/sample.people';
import { api, tokenFor, tokenOfPhone } from './api.kit';
import { button, current, startStage, type Person, type Stage } from './resident.harness';

const HOME = 'v-107-001'; // 绿洲社区, 太平镇: the sample resident's home
const ITEM = loadSampleItems().find((i) => i.code === 'ZC-V-0010')!;

describe('a bad review and the notices of a village center', () => {
  let stage: Stage;
  let resident: Person;
  let clerk: Person;
  beforeAll(async () => {
    stage = await startStage('rect', { schedulerIntervalMs: 0 });
    [resident, clerk] = await Promise.all([stage.person('resident'), stage.person('clerk')]);
  }, 400_000);
  afterAll(async () => stage?.close());

  it('regression: notifies the village of new work, asks a bad review its reason, and follows it to the return call', async () => {
    const url = stage.gw.url;
    await button(resident.page, '选择体验身份').click();
    await button(resident.page, '以示例居民身份进入').click();
    await resident.page.locator('.home-hero:visible').waitFor();
    const residentToken = await tokenOfPhone(resident.page);
    const { request } = await api(
      url,
      'requests',
      'submit',
      { itemCode: ITEM.code, intakeCenterId: HOME, form: filledForm(ITEM), materials: [], idempotencyKey: 'rect-e2e-1' },
      residentToken,
    );

    // 3. the village clerk's workspace shows the new notice as unread
    await clerk.page.goto(`${url}/#/pages/dev-login/index`);
    await button(current(clerk.page), '选择镇街、银行网点或村居').click();
    await button(clerk.page, '太平镇').click();
    await clerk.page.locator('.vp-search input').fill('绿洲');
    await clerk.page.locator('.zc-item-name:visible', { hasText: '绿洲社区为民服务中心' }).first().click();
    await current(clerk.page).locator('.qb').waitFor();
    await current(clerk.page).locator('.clerk-messages .zc-badge', { hasText: '1' }).waitFor();
    await clerk.shot('01-workspace-unread');
    await button(current(clerk.page), '本中心消息').click();
    const inbox = current(clerk.page);
    await inbox.locator('.msg-new', { hasText: '有新的申请待处理' }).waitFor();
    await clerk.shot('02-messages-new-application');

    // the matter is decided and delivered (steps this walk does not look at)
    const clerkToken = await tokenFor(url, 'clerk', HOME);
    let r = (await api(url, 'clerk', 'accept', { id: request.id, version: request.version }, clerkToken)).request;
    r = (await api(url, 'clerk', 'decide', { id: r.id, version: r.version, outcome: 'approved', reasons: '符合条件，准予办理' }, clerkToken)).request;
    await api(url, 'clerk', 'deliver', { id: r.id, version: r.version }, clerkToken);

    // 4. the resident opens the request from its notice
    await resident.page.goto(`${url}/#/pages-service/messages/index`);
    await current(resident.page).locator('.msg', { hasText: '办理结果已送达' }).click();
    const detail = current(resident.page);
    await detail.getByText('请为这次办理评价').waitFor();
    expect(await detail.locator('.req-state').textContent()).toBe('已送达按期办结');
    await detail.locator('.zc-option', { hasText: /^不满意$/ }).click();
    const picked = detail.locator('.zc-option.on');
    expect(await picked.textContent()).toBe('不满意');
    expect(await picked.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(29, 95, 214)');
    // 2. 不满意 with no reason is refused before anything is sent
    await button(detail, '提交评价').click();
    await detail.getByText('请至少选择一个不满意的原因，我们会据此整改').waitFor();
    await resident.shot('03-bad-rating-needs-reason', true);
    await detail.locator('.rating-reasons .zc-option', { hasText: '办理时间太长' }).click();
    await detail.locator('.rating textarea').fill('跑了两次才办好');
    await button(detail, '提交评价').click();
    await detail.locator('[data-rectification="open"]').waitFor();
    expect(await detail.locator('.req-state').textContent()).toBe('已办结按期办结');
    expect(await detail.textContent()).toContain('不满意（办理时间太长）：跑了两次才办好');
    await resident.shot('04-rectification-open', true);

    // the administrator is told of the bad review
    const adminInbox = await api(url, 'messages', 'list', {}, await tokenFor(url, 'admin'));
    expect(adminInbox.items.map((m: { title: string }) => m.title)).toContain('新的差评待整改');

    // the deciding center (the village, for a village item) has it in its 整改 queue and records the call
    await clerk.page.goto(`${url}/#/pages-clerk/home/index`);
    await clerk.page.reload();
    await current(clerk.page).locator('[data-queue="rectify"] .qb-count', { hasText: '1' }).waitFor();
    await clerk.shot('05-workspace-rectify');
    await current(clerk.page).locator('[data-queue="rectify"]').click();
    const card = current(clerk.page).locator(`[data-tracking="${r.trackingNo}"]`);
    expect(await card.locator('.rc-rect').textContent()).toMatch(/差评（办理时间太长）· 回访截止 \d{4}-\d{2}-\d{2}/);
    await card.click();
    await current(clerk.page).locator('[data-rectification="open"]').waitFor();
    await current(clerk.page).locator('[data-action="returnCall"]').click();
    const dialog = clerk.page.locator('.ap-dialog-body:visible');
    await dialog.locator('[data-field="note"] textarea').fill('已电话致歉，说明了材料要求，今后可先电话预约');
    await button(dialog, '确定记录回访').click();
    await dialog.getByText('请选择申请人是否满意').waitFor();
    await dialog.getByText('满意', { exact: true }).click();
    await clerk.shot('06-return-call');
    await button(dialog, '确定记录回访').click();
    await current(clerk.page).locator('[data-rectification="closed"]').waitFor();
    await clerk.shot('07-return-call-recorded', true);

    // the resident sees the return call, and the unread badge on the 我的 tab
    await resident.page.reload();
    await current(resident.page).locator('[data-rectification="closed"]').waitFor();
    expect(await current(resident.page).locator('[data-rectification="closed"]').textContent()).toContain('已电话致歉');
    await resident.shot('08-rectification-closed', true);
    await resident.page.goto(`${url}/#/pages/home/index`);
    await resident.page.locator('.weui-tabbar__item').nth(3).locator('.weui-badge').waitFor();
    expect(Number(await resident.page.locator('.weui-tabbar__item').nth(3).locator('.weui-badge').textContent())).toBeGreaterThan(0);
    await resident.shot('09-tab-badge');
  }, 400_000);
});
