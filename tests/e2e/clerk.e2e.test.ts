/**
 * 帮办代办 end to end, three people in three browser contexts against one real gateway: a
 * resident applies for a township item at the home village; the village clerk pre-checks and
 * hands it off with a slip; the township clerk confirms the slip by its code, accepts, asks
 * for a missing material; the resident supplements; the township clerk resumes and decides;
 * the village clerk delivers; the resident rates and reads every notice in 消息.
 * Screenshots go to test-output/screenshots/clerk-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../gateway/h5.build';
import { validIdNumber } from '../support/sample.people';
import { bindResident, button, current, fieldInput, loginClerk, startStage, type Person, type Stage } from './resident.harness';

const PHOTO = join(ROOT, 'miniprogram/src/assets/tab/requests-on.png');
const ITEM_CODE = 'ZC-T-0002';
const ID_NUMBER = validIdNumber('19620315', '042');

/** The count on a queue tile of the clerk home. */
const countOf = async (page: Page, queue: string) => Number(await current(page).locator(`[data-queue="${queue}"] .qb-count`).textContent());

/** Opens a queue from the clerk home and the matter in it. */
const openFromQueue = async (page: Page, queue: string, trackingNo: string) => {
  await current(page).locator(`[data-queue="${queue}"]`).click();
  await current(page).locator(`[data-tracking="${trackingNo}"]`).click();
  await current(page).locator('.cr-state').waitFor();
};

/** Presses an action, types what its dialog asks for, and confirms it; waits for the new state. */
const act = async (page: Page, action: string, label: string, state: string, fields: Record<string, string> = {}) => {
  await current(page).locator(`[data-action="${action}"]`).click();
  const dialog = page.locator('.ap-dialog-body:visible');
  await dialog.waitFor();
  for (const [field, value] of Object.entries(fields)) await dialog.locator(`[data-field="${field}"] textarea`).fill(value);
  await button(dialog, `确定${label}`).click();
  await current(page).locator('.cr-state', { hasText: state }).waitFor();
};

/** A screenshot once the success toast has gone, so it never hides what the step shows. */
const snap = async (p: Person, name: string, fullPage = false) => {
  await p.page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((e) => getComputedStyle(e).display === 'none'));
  await p.shot(name, fullPage);
};

const stateOf = (page: Page) => current(page).locator('.cr-state').textContent();

describe('a township matter carried from the village and back, by three people', () => {
  let stage: Stage;
  let resident: Person;
  let village: Person;
  let township: Person;
  beforeAll(async () => {
    stage = await startStage('clerk', { schedulerIntervalMs: 500 });
    [resident, village, township] = await Promise.all([stage.person('resident'), stage.person('village'), stage.person('township')]);
  }, 240_000);
  afterAll(async () => stage?.close());

  it('is applied for, pre-checked, handed off, confirmed, paused, supplemented, decided, delivered, rated and notified', async () => {
    const url = stage.gw.url;

    // 1. the resident applies at the home village for a township item
    await bindResident(resident, ID_NUMBER, false);
    await current(resident.page).getByText('我的信息').waitFor();
    await resident.page.goto(`${url}/#/pages-service/apply/index?code=${ITEM_CODE}`);
    const apply = current(resident.page);
    await fieldInput(apply, 'idNumber').waitFor();
    await fieldInput(apply, 'idNumber').fill(ID_NUMBER);
    await fieldInput(apply, 'phone').fill('13805371234');
    await fieldInput(apply, 'householdSize').fill('3');
    await fieldInput(apply, 'reason').fill('家庭收入已超过低保标准，申请停发');
    const [chooser] = await Promise.all([
      resident.page.waitForEvent('filechooser'),
      button(apply.locator('[data-material="居民身份证"]'), '拍照/选图').click(),
    ]);
    await chooser.setFiles(PHOTO);
    await apply.getByText('已上传').waitFor();
    expect(await apply.locator('.intake-selected .intake-center').textContent()).toBe('庞家集村为民服务中心');
    await button(apply, '提交申请').click();
    await button(resident.page, '确认提交').click();
    await current(resident.page).getByText('申请已提交').waitFor();
    const trackingNo = ((await current(resident.page).locator('.result-no').textContent()) ?? '').trim();
    await snap(resident, '01-submitted');
    await button(current(resident.page), '查看办理进度').click();
    await current(resident.page).locator('.tl-step').first().waitFor();
    const requestUrl = resident.page.url();

    // 2. the village clerk pre-checks, ticks the checklist and sends the handoff
    await loginClerk(village, '庞家集村为民服务中心');
    expect(await countOf(village.page, 'precheck')).toBe(1);
    await snap(village, '02-home');
    await openFromQueue(village.page, 'precheck', trackingNo);
    const detail = current(village.page);
    expect(await detail.textContent()).toContain('王*英');
    expect(await detail.textContent()).not.toContain('王秀英');
    // photos come through short-lived signed links, never a bare /files/<id>
    await detail.locator('.mf-photo[src*="sig="]').first().waitFor();
    expect(await detail.locator('.mf-photo[src*="sig="]').first().getAttribute('src')).toMatch(/^\/files\/file-[a-z0-9]+\?exp=\d+&sig=/);
    // phones are masked until 查看/拨打, which asks the server (audited)
    const applicantPhone = detail.locator('[data-phone-field="applicant"]');
    expect(await applicantPhone.textContent()).toContain('138****1234');
    expect(await detail.textContent()).not.toContain('13805371234');
    await applicantPhone.scrollIntoViewIfNeeded();
    await snap(village, '03a-phone-masked');
    await applicantPhone.getByText('查看/拨打').click();
    await applicantPhone.getByText('13805371234').waitFor();
    expect(await applicantPhone.getByText('拨打', { exact: true }).count()).toBe(1);
    await snap(village, '03b-phone-revealed');
    expect(await detail.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['precheck', 'reject']);
    await snap(village, '03-detail');
    await act(village.page, 'precheck', '预审通过', '已预审');
    await current(village.page).locator('[data-action="sendHandoff"]').click();
    const handoff = current(village.page);
    await handoff.locator('[data-material="居民身份证"]').waitFor();
    expect(await handoff.locator('.ce-row.on').count()).toBe(3);
    await handoff.locator('[data-material="申请表"] .ce-form', { hasText: '复印件' }).click();
    await snap(village, '04-checklist');
    await button(handoff, '生成流转单并移交').click();
    await village.page.locator('.taro-model__confirm', { hasText: '移交' }).click();
    await handoff.locator('.slip-code').waitFor();
    const code = ((await handoff.locator('.slip-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await handoff.locator('[data-qr] .qr-cell.on').count()).toBeGreaterThan(100);
    const slip = (await handoff.locator('.slip').textContent()) ?? '';
    expect(slip).toContain('庞家集村为民服务中心');
    expect(slip).toContain('香城镇为民服务中心');
    expect(slip).toContain('纸质原件 × 1');
    expect(slip).toContain('复印件 × 1');
    await snap(village, '05-slip');

    // 3. the township clerk confirms by typing the code, accepts and asks for a missing material
    await loginClerk(township, '香城镇为民服务中心（镇街本级）');
    expect(await countOf(township.page, 'incoming')).toBe(1);
    await snap(township, '06-home-incoming');
    await openFromQueue(township.page, 'incoming', trackingNo);
    expect(
      await current(township.page)
        .locator('[data-action]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))),
    ).toEqual(['confirmHandoff', 'returnHandoff']);
    await current(township.page).locator('[data-action="confirmHandoff"]').click();
    const confirm = current(township.page);
    await confirm.locator('.slip').waitFor();
    expect(await confirm.locator('.slip-code').count()).toBe(0);
    await confirm.locator('[data-field="code"] input').fill(code.toLowerCase());
    await snap(township, '07-confirm');
    await button(confirm, '确认签收').click();
    await current(township.page).locator('.cr-state', { hasText: '已签收，待受理' }).waitFor();
    expect(await current(township.page).locator('.slip').first().textContent()).toContain('已签收');
    await act(township.page, 'accept', '受理', '已受理');
    expect(await current(township.page).locator('.zc-deadline-large').textContent()).toMatch(/剩\d+个工作日|期限待定/);
    await snap(township, '08-accepted');
    await current(township.page).locator('[data-action="pause"]').click();
    await button(township.page.locator('.ap-dialog-body:visible'), '确定要求补正').click();
    await township.page.locator('.ap-dialog-body:visible').getByText('请填写补正原因').waitFor();
    await snap(township, '09-pause-reason-required');
    await township.page.locator('.ap-dialog-body:visible [data-field="missing"] textarea').fill('家庭收入情况声明');
    await township.page.locator('.ap-dialog-body:visible [data-field="reason"] textarea').fill('缺少家庭收入情况声明');
    await button(township.page.locator('.ap-dialog-body:visible'), '确定要求补正').click();
    await current(township.page).locator('.cr-state', { hasText: '待补正' }).waitFor();
    expect(await stateOf(township.page)).toBe('待补正');

    // the resident supplements the missing material with a photo
    await resident.page.goto(requestUrl);
    await resident.page.reload();
    const mine = current(resident.page);
    await mine.getByText('需要补正：家庭收入情况声明').waitFor();
    const [supplementChooser] = await Promise.all([resident.page.waitForEvent('filechooser'), button(mine, '拍照/选图').click()]);
    await supplementChooser.setFiles(PHOTO);
    await mine.locator('.apply-photo-img').first().waitFor();
    await snap(resident, '10-supplement');
    await button(mine, '提交补正材料').click();
    await mine.locator('.tl-step', { hasText: '补正材料' }).waitFor();

    // the township clerk sees the supplement, resumes, and decides
    await township.page.reload();
    await current(township.page).getByText('申请人已补正，请核对后恢复办理').waitFor();
    expect(await current(township.page).locator('.mf-item').count()).toBe(2);
    await snap(township, '11-supplemented');
    await act(township.page, 'resume', '补正已齐，恢复办理', '已受理');
    await act(township.page, 'approve', '准予办理', '准予办理', { reason: '家庭收入超过低保标准，准予停发' });
    await snap(township, '12-decided', true);

    // 4. the village clerk delivers the result
    await village.page.goto(`${url}/#/pages-clerk/home/index`);
    await village.page.reload();
    await current(village.page).locator('.qb').waitFor();
    expect(await countOf(village.page, 'deliver')).toBe(1);
    await snap(village, '13-home-deliver');
    await openFromQueue(village.page, 'deliver', trackingNo);
    await act(village.page, 'deliver', '结果已送达', '已送达');
    const steps = await current(village.page).locator('.tl-step').allTextContents();
    expect(steps.map((s) => s.match(/^(提交申请|预审通过|移交|签收|受理|要求补正|补正材料|恢复办理|办结|送达)/)?.[1])).toEqual([
      '提交申请',
      '预审通过',
      '移交',
      '签收',
      '受理',
      '要求补正',
      '补正材料',
      '恢复办理',
      '办结',
      '送达',
    ]);
    await snap(village, '14-delivered', true);

    // 5. the resident rates and reads every notice
    await resident.page.reload();
    const rated = current(resident.page);
    await rated.getByText('请为这次办理评价').waitFor();
    await rated.getByText('非常满意', { exact: true }).click();
    await button(rated, '提交评价').click();
    await rated.getByText('您的评价').waitFor();
    await snap(resident, '15-rated');
    await resident.page.goto(`${url}/#/pages-service/messages/index`);
    const inbox = current(resident.page);
    await inbox.locator('.msg').first().waitFor();
    const titles = await inbox.locator('.msg-title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['您的事项已受理', '请补正材料', '您的事项已办结：准予办理', '办理结果已送达']));
    await snap(resident, '16-messages', true);

    await township.page.goto(`${url}/#/pages-service/messages/index`);
    await current(township.page).locator('.msg').first().waitFor();
    expect(await current(township.page).locator('.msg-title').allTextContents()).toEqual(expect.arrayContaining(['有新的移交件待签收', '申请人已补正材料']));
    await snap(township, '17-messages');
  }, 240_000);
});
