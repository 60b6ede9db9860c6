/**
 * The administrator's indicators follow what happened: where matters were settled, ratings,
 * bad reviews with their rectification case; nobody else may read them.
 */
import { makeHarness, type Harness } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { loadConfig } from '../../cloudfunctions/core/services/config';

const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '110' && c.offers.length > 0)!;
const villageItem = loadSampleItems().find((i) => i.level === 'village' && i.audience !== 'company' && village.offers.includes(i.code))!;
let h: Harness;
beforeAll(async () => {
  h = await makeHarness('sqlite', '2026-09-14T01:00:00.000Z');
});
afterAll(() => h.close());

it('counts a village matter settled in the village and its bad review with an open rectification case', async () => {
  const resident = await h.login('resident', { villageId: village.id });
  await h.ok(
    'session',
    'bindResident',
    { name: '吴十', idNumber: validIdNumber('19600101', '010'), phone: '13805370010', homeVillageId: village.id },
    resident,
  );
  const clerk = await h.login('clerk', { centerId: village.id });
  let { request: r } = await h.ok(
    'requests',
    'submit',
    { itemCode: villageItem.code, intakeCenterId: village.id, form: filledForm(villageItem), materials: [], idempotencyKey: 'admin-stats-1' },
    resident,
  );
  expect(r.deciderId).toBe(village.id);
  r = (await h.ok('clerk', 'accept', { id: r.id, version: r.version }, clerk)).request;
  r = (await h.ok('clerk', 'decide', { id: r.id, version: r.version, outcome: 'approved', reasons: '符合条件' }, clerk)).request;
  r = (await h.ok('clerk', 'deliver', { id: r.id, version: r.version }, clerk)).request;
  r = (await h.ok('requests', 'rate', { id: r.id, version: r.version, level: '不满意', comment: '等了很久', reasons: ['办理时间太长'] }, resident)).request;
  expect(r.rectification).toMatchObject({ state: 'open' });

  const admin = await h.login('admin');
  const { indicators } = await h.ok('admin', 'stats', {}, admin);
  expect(indicators.settledBy).toEqual({ village: 1, township: 0, city: 0, zone: 0 });
  expect(indicators.settledShare.village).toBe(1);
  expect(indicators.ratings['不满意']).toBe(1);
  expect(indicators.satisfactionRate).toBe(0);
  expect(indicators.badReviews).toMatchObject({ total: 1, rectificationOpen: 1, rectificationLate: 0 });

  h.clock.set('2026-11-02T01:00:00.000Z'); // well past 15 working days
  expect((await h.ok('admin', 'stats', {}, admin)).indicators.badReviews.rectificationLate).toBe(1);
});

it('refuses the indicators to a clerk and to a resident', async () => {
  const clerk = await h.login('clerk', { centerId: 'city' });
  const resident = await h.login('resident');
  expect(await h.call('admin', 'stats', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await h.call('admin', 'stats', {}, resident)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

it('reads the configurable limits from the environment and refuses malformed ones at start', () => {
  const key = 'a-test-id-hash-key';
  expect(loadConfig({ ZC_HANDOFF_LIMIT_DAYS: '3', ZC_RECTIFICATION_DAYS: '10', ZC_SUPPLEMENT_DAYS: '7', ZC_ID_HASH_KEY: key }).deps).toEqual({
    handoffLimitDays: 3,
    rectificationDays: 10,
    supplementDays: 7,
  });
  expect(() => loadConfig({ ZC_HANDOFF_LIMIT_DAYS: 'two' })).toThrow(/ZC_HANDOFF_LIMIT_DAYS/);
  expect(() => loadConfig({ ZC_RECTIFICATION_DAYS: '0' })).toThrow(/ZC_RECTIFICATION_DAYS/);
  expect(() => loadConfig({ ZC_SUPPLEMENT_DAYS: '0' })).toThrow(/ZC_SUPPLEMENT_DAYS/);
});

it('opens a rectification case with the configured number of working days', async () => {
  const short = await makeHarness('sqlite', '2026-09-14T01:00:00.000Z', { rectificationDays: 3 });
  const resident = await short.login('resident', { villageId: village.id });
  await short.ok(
    'session',
    'bindResident',
    { name: '吴十', idNumber: validIdNumber('19600101', '020'), phone: '13805370010', homeVillageId: village.id },
    resident,
  );
  const clerk = await short.login('clerk', { centerId: village.id });
  let { request: r } = await short.ok(
    'requests',
    'submit',
    { itemCode: villageItem.code, intakeCenterId: village.id, form: filledForm(villageItem), materials: [], idempotencyKey: 'rectify-3-days' },
    resident,
  );
  for (const [action, data] of [
    ['accept', {}],
    ['decide', { outcome: 'refused', reasons: '不符合条件' }],
    ['deliver', {}],
  ] as const) {
    r = (await short.ok('clerk', action, { id: r.id, version: r.version, ...data }, clerk)).request;
  }
  r = (await short.ok('requests', 'rate', { id: r.id, version: r.version, level: '非常不满意', reasons: ['工作人员态度不好'] }, resident)).request;
  // delivered Mon 2026-09-14: three working days later is Thu 2026-09-17, China time
  expect(r.rectification.deadline.slice(0, 10)).toBe('2026-09-17');
  await short.close();
});
