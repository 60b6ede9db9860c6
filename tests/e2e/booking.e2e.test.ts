/**
 * 预约 end to end, two people on one gateway whose clock stands at Tuesday 1 December 2026, 08:30
 * China time: the clerk of 香城镇 sets the center's booking periods; a resident books today's 09:00
 * slot for an item from its guide page and gets the code with its QR, the center's address and what
 * to bring; the clerk types the code on 今日预约 and the resident is checked in; 我的预约 shows it.
 * Screenshots go to test-output/screenshots/booking-*.png (375×812).
 */
import type { Page } from 'playwright-core';
import { cn } from '../support/clock';
import { validIdNumber } from '../support/sample.people';
import { bindResident, button, current, loginClerk, startStage, type Person, type Stage } from './resident.harness';

const ITEM_CODE = 'ZC-T-0001';
const START = Date.parse(cn('2026-12-01T08:30:00'));

/** A screenshot once toasts have gone. */
const snap = async (p: Person, name: string, fullPage = false) => {
  await p.page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((e) => getComputedStyle(e).display === 'none'));
  await p.shot(name, fullPage);
};

const go = (page: Page, url: string, path: string) => page.goto(`${url}/#${path}`);

describe('a resident books a visit and the clerk checks them in', () => {
  let stage: Stage;
  let resident: Person;
  let clerk: Person;
  beforeAll(async () => {
    const began = Date.now();
    stage = await startStage('booking', { schedulerIntervalMs: 0, now: () => new Date(START + (Date.now() - began)) });
    [resident, clerk] = await Promise.all([stage.person('resident'), stage.person('clerk')]);
  }, 400_000);
  afterAll(async () => stage?.close());

  it('sets the periods, books with a code, and checks in by the typed code', async () => {
    const url = stage.gw.url;

    // 1. the township clerk sets the weekly periods on 预约时段
    await loginClerk(clerk, '香城镇为民服务中心');
    await button(current(clerk.page), '今日预约').click();
    await current(clerk.page).getByText('预约签到').waitFor();
    await button(current(clerk.page), '设置预约时段').click();
    const editor = current(clerk.page);
    await editor.locator('[data-field="week.0"] textarea').fill('09:00-12:00 20\n13:30-17:00 20');
    await editor.getByText('周二至周五同周一').click();
    await editor.locator('[data-field="exceptions"] textarea').fill('2026-12-04 休');
    await button(editor, '保存预约时段').click();
    await editor.locator('[data-date="2026-12-01"]').waitFor();
    expect(await editor.locator('[data-date="2026-12-04"]').count()).toBe(0);
    await snap(clerk, '01-schedule', true);

    // 2. the resident opens the item's guide and books today's 09:00
    await bindResident(resident, validIdNumber('19580612', '061'), false);
    await current(resident.page).getByText('我的信息').waitFor();
    await go(resident.page, url, `/pages-service/guide/index?code=${ITEM_CODE}`);
    await current(resident.page).getByText('预约到厅办理').click();
    const book = current(resident.page);
    await book.locator('.bk-slot').first().waitFor();
    expect(await book.locator('.bk-day.on .bk-day-name').textContent()).toBe('12月1日 周二');
    await book.locator('[data-slot="ts-101~2026-12-01~0900"]').click();
    await snap(resident, '02-book');
    await button(book, '预约 12月1日 周二 09:00').click();
    const ticket = current(resident.page);
    await ticket.locator('.bk-code').waitFor();
    const code = (await ticket.locator('.bk-code').getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(await ticket.locator('[data-qr]').getAttribute('data-qr')).toBe(code);
    await ticket.getByText('香城镇为民服务中心').first().waitFor();
    await ticket.getByText('请带齐这些材料').waitFor();
    await snap(resident, '03-ticket', true);

    // 3. the clerk sees the booking of the day and checks the resident in by the typed code
    await go(clerk.page, url, '/pages-clerk/bookings/index');
    const counter = current(clerk.page);
    await counter.locator(`[data-booking="${code}"]`).waitFor();
    await snap(clerk, '02-day');
    await counter.locator('[data-field="code"] input').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await button(counter, /^签到$/).click();
    await counter.locator(`[data-checked="${code}"]`).waitFor();
    await counter.locator(`[data-booking="${code}"] .zc-tag`, { hasText: '已签到' }).waitFor();
    await snap(clerk, '03-checked-in');

    // 4. the resident's 我的预约 shows it checked in
    await go(resident.page, url, '/pages-booking/mine/index');
    await current(resident.page).locator('.bk-row .zc-tag', { hasText: '已签到' }).waitFor();
    await snap(resident, '04-mine');
  });
});
