/**
 * 一点服务 end to end, in three browser contexts on one gateway: the development-zone branch has a
 * second clerk (the administrator's invitation, redeemed by a resident); its first clerk opens
 * 辖区企业 from the workspace, sees the sample zone company with its 企业管家, and chooses the
 * colleague instead; the colleague, still on the list read before the change, tries too and gets
 * CONFLICT inline, then refreshes; the company's administrator sees the new officer on 企业服务.
 * The page is measured in 长辈模式 as elder.e2e.test.ts measures the resident pages.
 * Screenshots go to test-output/screenshots/officer-*.png.
 */
import { api, loginPhone, tokenFor } from './api.kit';
import { ELDER_STANDARD, measureElder } from './elder.measure';
import { button, current, startStage, type Person, type Stage, settled, loginAs as login } from './resident.harness';

const COMPANY = 'co-sample-zone';

/** The company's card on the visible 辖区企业 page. */
const cardOf = (p: Person) => current(p.page).locator(`[data-company="${COMPANY}"]`);

describe('a clerk of the home center chooses another clerk of it as a company’s 企业管家', () => {
  let stage: Stage;
  let zoneClerk: Person;
  let colleague: Person;
  let owner: Person;
  beforeAll(async () => {
    stage = await startStage('officer', { schedulerIntervalMs: 0 });
    [zoneClerk, colleague, owner] = await Promise.all(['zone-clerk', 'colleague', 'owner'].map((who) => stage.person(who)));
  }, 480_000);
  afterAll(async () => stage?.close());

  it('opens 辖区企业, chooses the colleague, meets CONFLICT on a stale list, and the company home shows the new officer', async () => {
    const base = stage.gw.url;
    // the scene: a second clerk of the zone branch, and the zone clerk named the sample company's officer
    const admin = await tokenFor(base, 'admin');
    const { code } = await api<{ code: string }>(base, 'admin', 'createInvite', { grant: { role: 'clerk', centerId: 'zone' }, note: '开发区分局窗口' }, admin);
    const resident = await api<{ token: string; user: { id: string } }>(base, 'session', 'devLogin', {
      persona: 'resident',
      villageId: 'v-107-001',
      sampleIdentity: true,
    });
    const { user: second } = await api<{ user: { id: string; nameMasked: string } }>(base, 'session', 'redeemInvite', { code }, resident.token);
    expect(second.nameMasked).toBeTruthy();
    await api(base, 'company', 'setOfficer', { companyId: COMPANY, officerId: 'clerk-zone' }, await tokenFor(base, 'clerk', 'zone'));

    // 1. the zone clerk opens 辖区企业 from the workspace: the company with its 企业管家
    await login(zoneClerk, '经济开发区分局');
    await current(zoneClerk.page).locator('.qb').waitFor();
    await settled(zoneClerk.page);
    await zoneClerk.shot('01-workspace', true);
    await button(current(zoneClerk.page), '辖区企业（企业管家）').click();
    await cardOf(zoneClerk).locator('[data-officer="clerk-zone"]').waitFor();
    expect(await current(zoneClerk.page).locator('.clerk-queue-title').textContent()).toMatch(/^辖区企业（\d+家）$/);
    expect(await cardOf(zoneClerk).textContent()).toContain('邹城*代办员');
    await settled(zoneClerk.page);
    await zoneClerk.shot('02-companies');

    // the colleague opens the same list now, before the change
    await loginPhone(colleague.page, resident.token);
    await colleague.page.goto(`${base}/#/pages-clerk/companies/index`);
    await cardOf(colleague).locator('[data-officer="clerk-zone"]').waitFor();

    // 2. the zone clerk chooses the colleague and confirms
    await cardOf(zoneClerk).getByText('更换企业管家 ›').click();
    await cardOf(zoneClerk).locator(`[data-candidate="${second.id}"]`).click();
    expect(await cardOf(zoneClerk).locator('[data-confirm="officer"]').textContent()).toContain(`将企业管家改为 ${second.nameMasked}`);
    await zoneClerk.shot('03-choosing');
    await button(cardOf(zoneClerk), '确认更换').click();
    await cardOf(zoneClerk).locator(`[data-officer="${second.id}"]`).waitFor();
    expect(await cardOf(zoneClerk).locator(`[data-officer="${second.id}"]`).textContent()).toBe(`企业管家${second.nameMasked}`);
    await settled(zoneClerk.page);
    await zoneClerk.shot('04-changed');

    // 3. the colleague, on the list read before, chooses too: CONFLICT, inline, with a way to refresh
    await cardOf(colleague).getByText('更换企业管家 ›').click();
    await cardOf(colleague).locator(`[data-candidate="${second.id}"]`).click();
    await button(cardOf(colleague), '确认更换').click();
    const conflict = cardOf(colleague).locator('[data-error="CONFLICT"]');
    await conflict.waitFor();
    expect(await conflict.getByRole('alert').textContent()).toBe('这条记录刚被别人修改过，请刷新后再试');
    await settled(colleague.page);
    await colleague.shot('05-conflict');
    await conflict.getByText('刷新后重选 ›').click();
    await cardOf(colleague).locator(`[data-officer="${second.id}"]`).waitFor();
    await colleague.shot('06-refreshed');

    // 4. the company's administrator sees the new officer on 企业服务
    await login(owner, '以示例企业管理员身份进入');
    const home = current(owner.page);
    await home.locator(`[data-officer="${second.id}"]`).waitFor();
    expect(await home.locator('.co-officer-name').textContent()).toBe(second.nameMasked);
    expect(await home.locator('[data-officer]').textContent()).toContain('经济开发区分局');
    await settled(owner.page);
    await owner.shot('07-company-home');

    // 5. 长辈模式: the same page to the standard the resident pages meet
    await zoneClerk.page.evaluate(() => localStorage.setItem('zc.elder', JSON.stringify({ data: '1' })));
    await zoneClerk.page.goto(`${base}/#/pages-clerk/companies/index`);
    await zoneClerk.page.reload();
    await current(zoneClerk.page).locator('.zc-page.zc-elder').waitFor();
    await cardOf(zoneClerk).getByText('更换企业管家 ›').click();
    await cardOf(zoneClerk).locator('[data-officer-picker]').waitFor();
    await zoneClerk.page.waitForTimeout(400);
    const report = await measureElder(zoneClerk.page);
    await zoneClerk.shot('08-elder', true);
    expect(report.texts).toBeGreaterThan(5);
    expect(report.largestFontPx).toBeGreaterThanOrEqual(ELDER_STANDARD.maxFontAtLeastPx);
    expect(report.issues.map((i) => `${i.rule} ${i.value} “${i.text}” ${i.where}`)).toEqual([]);
  }, 300_000);
});
