/**
 * A matter the 12345 hotline files over Open311 reaches the village clerk like any other: it sits
 * in the village's queue, and the clerk's page says who handed it in and what the resident reported.
 * Screenshots go to test-output/screenshots/open311-*.png.
 */
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { filledForm } from '../support/sample.people';
import { current, loginClerk, startStage, type Person, type Stage } from './resident.harness';

const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '101' && c.offers.length > 0)!;
const item = loadSampleItems().find((i) => i.level === 'village' && i.audience !== 'company' && village.offers.includes(i.code))!;

describe('a request filed by a partner system, at the village clerk', () => {
  let stage: Stage;
  let clerk: Person;
  beforeAll(async () => {
    stage = await startStage('open311', { schedulerIntervalMs: 0 });
    clerk = await stage.person('clerk');
  }, 240_000);
  afterAll(async () => stage?.close());

  it("is in the village queue with the hotline as its channel, the address and the resident's report", async () => {
    const api = async (fn: string, action: string, data: unknown, token?: string) =>
      (await (
        await fetch(`${stage.gw.url}/api/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ action, data }),
        })
      ).json()) as any;
    const admin = (await api('session', 'devLogin', { persona: 'admin' })).data.token;
    const { apiKey } = (await api('admin', 'issuePartnerKey', { name: '邹城市12345政务服务便民热线' }, admin)).data;
    const body = new URLSearchParams({
      api_key: apiKey,
      service_code: item.code,
      lat: String(village.location.lat),
      long: String(village.location.lng),
      last_name: '孟',
      first_name: '凡',
      phone: '13905371122',
      address_string: `${village.name}东街12号`,
      description: '老人腿脚不便，来电请村里帮办，下午在家',
      ...Object.fromEntries(Object.entries(filledForm(item)).map(([k, v]) => [`attribute[${k}]`, String(v)])),
    });
    const posted = await fetch(`${stage.gw.url}/open311/v2/requests.json`, { method: 'POST', body });
    expect(posted.status).toBe(200);
    const [{ service_request_id: id }] = (await posted.json()) as { service_request_id: string }[];
    const request = (await stage.gw.deps.requests.getRequest(id))!;

    await loginClerk(clerk, village.name);
    await current(clerk.page).locator('[data-queue="accept"]').click();
    await current(clerk.page).locator(`[data-tracking="${request.trackingNo}"]`).click();
    const facts = current(clerk.page).locator('[data-channel="open311"]');
    await facts.waitFor();
    expect(await facts.textContent()).toContain('邹城市12345政务服务便民热线代为提交');
    expect(await facts.textContent()).toContain('下午在家');
    await facts.scrollIntoViewIfNeeded();
    await clerk.shot('clerk-request');
  });
});
