/**
 * 区内事区内办 in the browser: a member of a development-zone company applies for
 * 营业执照换发, and the zone branch's clerk receives, accepts, decides and delivers it in a
 * workspace like any center's; a bank branch's clerk gets a workspace too. Before this, the zone
 * branch could not be chosen as a clerk's center and zone requests sat with nobody.
 * Screenshots go to test-output/screenshots/zone-*.png.
 */
import { creditCheckChar } from '../../shared/validators';
import { api, tokenFor } from './api.kit';
import { button, current, fieldInput, startStage, type Person, type Stage } from './resident.harness';

// GB 32100 leaves out I, O, Z, S and V, so the sample code uses none of them
const CODE_BODY = '91370883MA3C00K01';
const CREDIT_CODE = CODE_BODY + creditCheckChar(CODE_BODY);
const RENEWAL = 'ZC-C-0078'; // 营业执照换发, on the zone list

const countOf = async (page: Person['page'], queue: string) => Number(await current(page).locator(`[data-queue="${queue}"] .qb-count`).textContent());

/** Presses a clerk action, types what its dialog asks for, confirms, and waits for the new state. */
const act = async (page: Person['page'], action: string, label: string, state: string, reason?: string) => {
  await current(page).locator(`[data-action="${action}"]`).click();
  const dialog = page.locator('.ap-dialog-body:visible');
  await dialog.waitFor();
  if (reason) await dialog.locator('[data-field="reason"] textarea').fill(reason);
  await button(dialog, `确定${label}`).click();
  await current(page).locator('.cr-state', { hasText: state }).waitFor();
};

describe('a development-zone matter, handled in the zone', () => {
  let stage: Stage;
  let company: Person;
  let zone: Person;
  let bank: Person;
  beforeAll(async () => {
    stage = await startStage('zone', { schedulerIntervalMs: 0 });
    [company, zone, bank] = await Promise.all([stage.person('company'), stage.person('clerk'), stage.person('bank')]);
  }, 400_000);
  afterAll(async () => stage?.close());

  it('regression: 营业执照换发 of a zone company is received, accepted, decided and delivered by the zone branch', async () => {
    const url = stage.gw.url;
    // a member of a verified zone company (the sample company's administrator; claims and their check are in company.e2e)
    await button(company.page, '选择体验身份').click();
    await button(company.page, '以示例企业管理员身份进入').click();
    await current(company.page).locator('.co-hello').waitFor();
    await company.shot('01-company-home');

    await company.page.goto(`${url}/#/pages-service/guide/index?code=${RENEWAL}`);
    const guide = current(company.page);
    await guide.locator('.guide-explanation').waitFor();
    expect(await guide.locator('.guide-why').textContent()).toContain('经济开发区分局');
    await company.shot('02-guide-zone');
    await button(guide, '我要申请').click();
    const apply = current(company.page);
    await fieldInput(apply, 'creditCode').waitFor();
    await fieldInput(apply, 'creditCode').fill(CREDIT_CODE);
    // a company's contact is often the office landline (item 7)
    await fieldInput(apply, 'phone').fill('0537-5212345');
    await button(apply, '提交申请').click();
    await company.page.getByRole('dialog', { name: '请核对后提交' }).waitFor();
    expect(await company.page.locator('[data-confirm="destination"]').textContent()).toContain('经济开发区分局');
    await company.shot('03-confirm');
    await button(company.page, '确认提交').click();
    await current(company.page).getByText('申请已提交').waitFor();
    const trackingNo = ((await current(company.page).locator('.result-no').textContent()) ?? '').trim();

    // the city's queues stay empty: the matter is the zone's
    const city = await api(url, 'clerk', 'queue', { queue: 'accept' }, await tokenFor(url, 'clerk', 'city'));
    expect(city.counts.accept).toBe(0);

    // the zone branch's clerk picks the zone in the persona picker and finds it waiting
    await zone.page.goto(`${url}/#/pages/dev-login/index`);
    await button(current(zone.page), '经济开发区分局').click();
    await current(zone.page).locator('.qb').waitFor();
    expect(await current(zone.page).locator('.clerk-center').textContent()).toBe('邹城市行政审批服务局经济开发区分局');
    expect(await countOf(zone.page, 'accept')).toBe(1);
    await zone.shot('04-zone-workspace');
    await current(zone.page).locator('[data-queue="accept"]').click();
    await current(zone.page).locator(`[data-tracking="${trackingNo}"]`).click();
    await current(zone.page).locator('.cr-state').waitFor();
    await act(zone.page, 'accept', '受理', '已受理');
    await act(zone.page, 'approve', '准予办理', '准予办理', '材料齐全，准予换发');
    await act(zone.page, 'deliver', '结果已送达', '已送达');
    await zone.shot('05-zone-delivered', true);

    await company.page.goto(`${url}/#/pages/requests/index`);
    // the result page, which shows the number too, can stay on screen a moment after the hash
    // changes: the list card's own line (编号 …) is only on the list
    await current(company.page).getByText(`编号 ${trackingNo}`, { exact: true }).click();
    const mine = current(company.page);
    await mine.locator('.req-status', { hasText: '已送达' }).waitFor();
    expect(await mine.textContent()).toContain('材料齐全，准予换发');
    await company.shot('06-company-result');
  }, 400_000);

  it('gives a bank branch that takes items in a clerk workspace of its own', async () => {
    await bank.page.goto(`${stage.gw.url}/#/pages/dev-login/index`);
    await button(current(bank.page), '选择镇街、银行网点或村居').click();
    await button(bank.page, '香城镇').click();
    await bank.page.locator('.zc-item-name:visible', { hasText: '农商银行香城支行' }).first().click();
    await current(bank.page).locator('.qb').waitFor();
    expect(await current(bank.page).locator('.clerk-center').textContent()).toContain('农商银行香城支行');
    await bank.shot('07-bank-workspace');
  }, 120_000);
});
