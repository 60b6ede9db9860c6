/**
 * The company side end to end, in four browser contexts on one gateway: a resident claims a
 * development-zone company with a licence photo; the zone branch's clerk checks it and verifies;
 * the new company administrator invites a member, who joins with the code; the member applies
 * for a zone item (the guide shows 区内事区内办, the request goes to the zone branch) and raises a
 * 融资 demand; the 企业管家 (the verifying clerk) acknowledges it and forwards it to the city; the
 * city clerk answers; the company rates the answer 不满意 and the demand reopens.
 * Screenshots go to test-output/screenshots/company-*.png.
 */
import { join } from 'node:path';
import { ROOT } from '../../gateway/h5.build';
import { creditCheckChar } from '../../shared/validators';
import { button, current, fieldInput, startStage, type Person, type Stage, settled, loginAs as login } from './resident.harness';

const PHOTO = join(ROOT, 'miniprogram/src/assets/tab/requests-on.png');
const BODY = '91370883MA3E2E001';
const CREDIT_CODE = BODY + creditCheckChar(BODY);
const NAME = '邹城开发区示例智造有限公司';

/** Opens 企业服务 from 我的. */
const openCompanyHome = async (p: Person) => {
  await p.page.goto(`${new URL(p.page.url()).origin}/#/pages/profile/index`);
  await button(current(p.page), '进入企业服务').click();
  await current(p.page).getByText('我的企业').waitFor();
};

describe('a zone company claimed, verified, staffed, applying and raising a demand', () => {
  let stage: Stage;
  let owner: Person;
  let zoneClerk: Person;
  let member: Person;
  let cityClerk: Person;
  beforeAll(async () => {
    stage = await startStage('company', { schedulerIntervalMs: 0 });
    [owner, zoneClerk, member, cityClerk] = await Promise.all(['owner', 'zone-clerk', 'member', 'city-clerk'].map((who) => stage.person(who)));
  }, 480_000);
  afterAll(async () => stage?.close());

  it('walks the eight steps', async () => {
    // 1. a resident with a bound identity claims a zone company with a licence photo
    await login(owner, '以示例居民身份进入');
    await openCompanyHome(owner);
    await button(current(owner.page), '认领企业').click();
    const claim = current(owner.page);
    await fieldInput(claim, 'creditCode').fill(CREDIT_CODE);
    await fieldInput(claim, 'name').fill(NAME);
    await claim.locator('[data-option="zone"]').click();
    const [chooser] = await Promise.all([owner.page.waitForEvent('filechooser'), button(claim, '拍照/选图').click()]);
    await chooser.setFiles(PHOTO);
    await button(claim, '重拍').waitFor();
    await claim.getByText('上传中…').waitFor({ state: 'detached' });
    await owner.shot('01a-claim-form');
    await button(claim, '提交认领').click();
    const pending = current(owner.page).locator('[data-claim]', { hasText: NAME });
    await pending.getByText('待核验').waitFor();
    await settled(owner.page);
    await owner.shot('01b-claim-pending');

    // 2. the zone branch's clerk checks the licence and verifies the claim
    await login(zoneClerk, '开发区分局');
    await current(zoneClerk.page).locator('.qb').waitFor();
    await button(current(zoneClerk.page), '企业认领核验').click();
    const card = current(zoneClerk.page).locator('[data-claim]', { hasText: NAME });
    await card.locator('img').waitFor();
    await zoneClerk.shot('02a-claim-to-check');
    await button(card, '核验通过').click();
    await button(card, '确认通过').click();
    await current(zoneClerk.page).getByText('没有待核验的企业认领').waitFor();
    await settled(zoneClerk.page);
    await zoneClerk.shot('02b-claim-verified');

    // 3. the new administrator enters the company and invites a member, who joins with the code
    await openCompanyHome(owner);
    await button(current(owner.page).locator('[data-membership]', { hasText: NAME }), '进入').click();
    const home = current(owner.page);
    await home.locator('.co-hello', { hasText: NAME }).waitFor();
    expect(await home.locator('[data-routing]').textContent()).toContain('区内事区内办');
    await settled(owner.page);
    await owner.shot('03a-company-home');
    await home.locator('[data-tile="成员管理"]').click();
    await button(current(owner.page), '生成邀请码').click();
    const code = (await current(owner.page).locator('[data-invite-code]').getAttribute('data-invite-code'))!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await owner.shot('03b-invite-code');
    await login(member, '以示例居民身份进入');
    await member.page.goto(`${stage.gw.url}/#/pages-service/redeem/index`);
    await current(member.page).locator('[data-field="code"] input').fill(code);
    await button(current(member.page), '确认').click();
    await current(member.page).locator('.co-hello', { hasText: NAME }).waitFor();
    await settled(member.page);
    await member.shot('03c-member-joined');

    // 4. the member applies for a zone item: the guide shows 区内事区内办, the request goes to the zone branch
    await member.page.goto(`${stage.gw.url}/#/pages-service/guide/index?code=ZC-C-0001`);
    const guide = current(member.page);
    await guide.locator('.guide-explanation').waitFor();
    expect(await guide.locator('.guide-explanation').textContent()).toContain('区内事区内办');
    await member.shot('04a-guide-zone');
    await button(guide, '我要申请').click();
    const apply = current(member.page);
    await fieldInput(apply, 'creditCode').fill(CREDIT_CODE);
    await fieldInput(apply, 'companyName').fill(NAME);
    await button(apply, '提交申请').click();
    await member.page.getByRole('dialog', { name: '请核对后提交' }).waitFor();
    expect(await member.page.locator('[data-confirm="destination"]').textContent()).toContain('经济开发区分局');
    await button(member.page, '确认提交').click();
    await current(member.page).getByText('申请已提交').waitFor();
    await button(current(member.page), '查看办理进度').click();
    const detail = current(member.page);
    await detail.locator('.tl-step').first().waitFor();
    expect(await detail.locator('.zc-chain').textContent()).toContain('开发区分局');
    await settled(member.page);
    await member.shot('04b-request-at-zone');

    // 5. the member raises a 融资 demand
    await openCompanyHome(member);
    await button(current(member.page), '提出诉求').click();
    const raise = current(member.page);
    await raise.locator('[data-option="融资"]').click();
    await fieldInput(raise, 'title').fill('技改贷款贴息怎么申请');
    await fieldInput(raise, 'description').fill('我公司今年新上一条生产线，想了解技改贷款贴息政策、申报时间和需要的材料。');
    await member.shot('05a-demand-form');
    await button(raise, '提交诉求').click();
    const raised = current(member.page);
    await raised.locator('[data-demand-facts]').waitFor();
    await settled(member.page);
    await member.shot('05b-demand-raised');

    // 6. the 企业管家 (the verifying clerk) acknowledges it and forwards it to the city
    await login(zoneClerk, '开发区分局');
    await button(current(zoneClerk.page), '企业诉求').click();
    await current(zoneClerk.page).locator('[data-demand]', { hasText: '技改贷款贴息' }).click();
    const desk = current(zoneClerk.page);
    await button(desk, '确认受理').click();
    await desk.locator('[data-mode="forward"]').click();
    await desk.locator('[data-forward]').waitFor();
    await desk.locator('textarea').fill('涉及市级技改贴息政策，请市中心会同工信部门答复');
    await desk.locator('[data-target="city"]').click();
    await zoneClerk.shot('06a-officer-forwarding');
    await button(desk, '转办').click();
    await desk.getByText('当前承办：邹城市政务服务中心').waitFor();
    await settled(zoneClerk.page);
    await zoneClerk.shot('06b-forwarded');

    // 7. the city clerk answers
    await login(cityClerk, '市政务服务中心');
    await current(cityClerk.page).locator('.qb').waitFor();
    await button(current(cityClerk.page), '企业诉求').click();
    await current(cityClerk.page).locator('[data-demand]', { hasText: '技改贷款贴息' }).click();
    const city = current(cityClerk.page);
    await city.locator('textarea').fill('符合技改贷款贴息条件。请于每季度末前通过工信部门申报，材料：申请表、贷款合同、设备发票。联系人：市工信局企业科。');
    await button(city, '答复企业').click();
    await city.locator('[data-answer]').waitFor();
    await settled(cityClerk.page);
    await cityClerk.shot('07-city-answered');

    // 8. the company rates the answer 不满意: the demand reopens
    await openCompanyHome(owner);
    await current(owner.page).locator('[data-demand]', { hasText: '技改贷款贴息' }).click();
    const rating = current(owner.page);
    await rating.locator('[data-answer]').waitFor();
    await rating.getByText('不满意', { exact: true }).click();
    await rating.getByText('材料要求讲不清', { exact: true }).click();
    await rating.locator('textarea').fill('没有说明申报入口，希望给出具体办理地点');
    await owner.shot('08a-rating');
    await button(rating, '提交评价').click();
    await rating.getByText('诉求已重新办理').waitFor();
    await settled(owner.page);
    await owner.shot('08b-reopened');

    // and the city administrator sees it in the indicators
    await login(cityClerk, '以市级管理员身份进入');
    await current(cityClerk.page).locator('[data-tile="企业诉求指标"]').click();
    const stats = current(cityClerk.page);
    await stats.locator('[data-demand-stats="1"]').waitFor();
    await stats.locator('[data-bar="经济开发区"]').waitFor();
    await cityClerk.shot('09-admin-indicators', true);
  }, 300_000);
});
