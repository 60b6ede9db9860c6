/**
 * The administrator's indicators follow what happened: where matters were settled, ratings,
 * bad reviews with their rectification case; nobody else may read them.
 */
import { makeHarness, type Harness } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { loadConfig } from '../../cloudfunctions/core/services/config';
import { queueRectificationNotices } from '../../cloudfunctions/scheduler/admin.notices';
import ExcelJS from 'exceljs';

const codeOf = (e: { ok: boolean; error?: { code: string } }) => (e.ok ? 'ok' : e.error!.code);

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

  // the city by township: the village's township holds the matter, and opens to its centers
  const city = await h.ok('admin', 'stats', { period: 'day', from: '2026-09-01', to: '2026-09-30' }, admin);
  expect(city.series).toHaveLength(30);
  expect(city.series.find((p: { period: string }) => p.period === '2026-09-14').indicators.requests).toBe(1);
  const row = city.breakdown.find((b: { id: string }) => b.id === '110');
  expect(row).toMatchObject({ name: '峄山镇', kind: 'township', drill: true, indicators: { settledBy: { village: 1 } } });
  expect(city.breakdown.filter((b: { kind: string }) => b.kind === 'township')).toHaveLength(16);
  const town = await h.ok('admin', 'stats', { period: 'week', from: '2026-09-01', to: '2026-09-30', townshipCode: '110' }, admin);
  expect(town.scope).toEqual({ townshipCode: '110', name: '峄山镇' });
  expect(town.breakdown).toEqual([expect.objectContaining({ id: village.id, kind: 'village', drill: false })]);
  expect(town.series.map((p: { period: string }) => p.period)).toEqual(['2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28']);
  expect(codeOf(await h.call('admin', 'stats', { townshipCode: '999' }, admin))).toBe('NOT_FOUND');
  expect(codeOf(await h.call('admin', 'stats', { period: 'day', from: '2025-01-01', to: '2026-09-30' }, admin))).toBe('VALIDATION_FAILED');
  expect(codeOf(await h.call('admin', 'stats', { from: '2026-10-01', to: '2026-09-30' }, admin))).toBe('VALIDATION_FAILED');

  const open = await h.ok('admin', 'rectifications', {}, admin);
  expect(open.items).toEqual([
    expect.objectContaining({ id: r.id, state: 'open', late: false, level: '不满意', comment: '等了很久', deciderName: village.name }),
  ]);
  expect((await h.ok('admin', 'rectifications', { late: true }, admin)).total).toBe(0);

  h.clock.set('2026-11-02T01:00:00.000Z'); // well past 15 working days
  const later = await h.ok('admin', 'stats', {}, admin);
  expect(later.indicators.badReviews.rectificationLate).toBe(1);
  expect(later.breakdown.find((b: { id: string }) => b.id === '110').indicators.badReviews.rectificationLate).toBe(1);
  expect((await h.ok('admin', 'rectifications', { late: true }, admin)).items).toEqual([expect.objectContaining({ id: r.id, late: true })]);

  // the scheduler tells each administrator once about the late case
  expect(await queueRectificationNotices(h.deps)).toBe(1);
  expect(await queueRectificationNotices(h.deps)).toBe(0);
  const notices = await h.ok('messages', 'list', {}, admin);
  expect(notices.items.map((m: { title: string }) => m.title)).toContain('差评整改已超期');

  // the administrator records the return call, which closes the case as the deciding center's clerk would
  const calledAt = '2026-11-02T00:30:00.000Z';
  const stale = { id: r.id, version: r.version - 1, caller: '市民中心 王科长', calledAt, note: '已电话致歉，说明办理时限', satisfied: true };
  expect(codeOf(await h.call('admin', 'returnCall', stale, admin))).toBe('CONFLICT');
  const { case: closed } = await h.ok('admin', 'returnCall', { ...stale, version: r.version }, admin);
  expect(closed).toMatchObject({ state: 'closed', late: false, returnCall: { caller: '市民中心 王科长', at: calledAt, satisfied: true } });
  expect(codeOf(await h.call('admin', 'returnCall', { ...stale, version: closed.version }, admin))).toBe('RECTIFICATION_NOT_OPEN');
  expect((await h.ok('admin', 'rectifications', {}, admin)).total).toBe(0);
  const after = await h.ok('admin', 'stats', {}, admin);
  expect(after.indicators.badReviews).toMatchObject({
    total: 1,
    rectificationOpen: 0,
    rectificationClosed: 1,
    rectificationLate: 0,
    returnCalls: 1,
    satisfiedAfterCall: 1,
  });
  expect(codeOf(await h.call('admin', 'returnCall', { ...stale, version: closed.version }, clerk))).toBe('FORBIDDEN');
});

it('exports a view as an XLSX whose sheets carry the table, numbers as numbers', async () => {
  const admin = await h.login('admin');
  const out = await h.ok(
    'admin',
    'exportTable',
    {
      title: '邹城市 办结层级',
      sheets: [
        {
          name: '办结层级',
          header: ['时段', '村级件数'],
          rows: [
            ['2026-11', 3],
            ['2026-12', 0],
          ],
        },
      ],
    },
    admin,
  );
  expect(out.fileName).toMatch(/^邹城市办结层级-.+\.xlsx$/);
  expect(out.rows).toBe(2);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
  const sheet = book.worksheets[0];
  expect(sheet.name).toBe('1 办结层级');
  expect(sheet.getRow(2).values).toEqual([undefined, '2026-11', 3]);
  expect(await h.call('admin', 'exportTable', { title: 'x', sheets: [{ name: 'x', header: ['a'], rows: [] }] }, await h.login('resident'))).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
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
    demandLimits: { ackDays: 1, answerDays: 5 },
    supplementDays: 7,
    noShowRule: { limit: 3, windowDays: 90, blockDays: 30 },
    slotQuietMinutes: 5,
    certifyRules: { sources: ['medical', 'card', 'visit', 'verified'], dueDays: 30 },
  });
  expect(() => loadConfig({ ZC_HANDOFF_LIMIT_DAYS: 'two' })).toThrow(/ZC_HANDOFF_LIMIT_DAYS/);
  expect(() => loadConfig({ ZC_RECTIFICATION_DAYS: '0' })).toThrow(/ZC_RECTIFICATION_DAYS/);
  expect(() => loadConfig({ ZC_SUPPLEMENT_DAYS: '0' })).toThrow(/ZC_SUPPLEMENT_DAYS/);
  // the slot repair's quiet period must outlast a function's 60 s
  expect(loadConfig({ ZC_SLOT_QUIET_MINUTES: '10' }).deps.slotQuietMinutes).toBe(10);
  expect(() => loadConfig({ ZC_SLOT_QUIET_MINUTES: '1' })).toThrow(/ZC_SLOT_QUIET_MINUTES/);
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
