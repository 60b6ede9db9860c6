/**
 * A full walk through the API, in process, on both stores: a resident of a village submits
 * a township item at the village center; the village clerk pre-checks and hands it off; the
 * township clerk confirms, accepts and decides; the village clerk delivers; the resident rates.
 */
import { isWorkday } from 'chinese-days';
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';

const items = loadSampleItems();
const centers = loadSampleCenters();
const townshipItem = items.find(
  (i) => i.level === 'township' && i.audience !== 'company' && i.kind === 'promised' && i.promisedDays >= 5 && !i.lists.includes('taiping'),
)!;
const village = centers.find((c) => c.kind === 'village' && c.townshipCode === '103')!;

/** An independent oracle: the China date of the n-th working day after `fromDate`. */
const nthWorkingDayAfter = (fromDate: string, n: number): string => {
  const d = new Date(`${fromDate}T12:00:00+08:00`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkday(d.toISOString().slice(0, 10))) left -= 1;
  }
  return d.toISOString().slice(0, 10);
};
const chinaDate = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe.each<StoreKind>(['sqlite', 'cloudbase'])('a full walk on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness(kind, '2026-09-28T01:00:00.000Z');
  });
  afterAll(() => h.close());

  it('carries a township matter from the village to the township and back, with a correct timeline and deadline', async () => {
    const resident = await h.login('resident', { villageId: village.id });
    await h.ok('session', 'bindResident', { name: '张三丰', idNumber: validIdNumber(), phone: '13805371234', homeVillageId: village.id }, resident);

    const { route } = await h.ok('directory', 'guide', { itemCode: townshipItem.code }, resident);
    expect(route.rule).toBe('TOWNSHIP');
    expect(route.decider.id).toBe(`ts-103`);
    expect(route.intake[0].center.id).toBe(village.id);
    expect(route.intake[0].path.map((c: { id: string }) => c.id)).toEqual([village.id, 'ts-103']);

    const submitted = await h.ok(
      'requests',
      'submit',
      {
        itemCode: townshipItem.code,
        intakeCenterId: village.id,
        form: filledForm(townshipItem),
        materials: [{ name: '居民身份证', fileId: 'file-1' }],
        idempotencyKey: 'walk-key-0001',
      },
      resident,
    );
    let r = submitted.request;
    expect(r.state).toBe('submitted');
    expect(r.holderCenterId).toBe(village.id);

    const villageClerk = await h.login('clerk', { centerId: village.id });
    const townshipClerk = await h.login('clerk', { centerId: 'ts-103' });
    const pre = await h.ok('clerk', 'queue', { queue: 'precheck' }, villageClerk);
    expect(pre.items.map((x: { id: string }) => x.id)).toContain(r.id);
    expect(pre.counts.precheck).toBe(1);

    h.clock.advanceHours(2);
    r = (await h.ok('clerk', 'precheck', { id: r.id, version: r.version, note: '材料齐全' }, villageClerk)).request;
    r = (await h.ok('clerk', 'sendHandoff', { id: r.id, version: r.version, checklist: [{ name: '居民身份证', form: 'paper_copy', count: 1 }] }, villageClerk))
      .request;
    expect(r.state).toBe('in_transit');
    const code = r.handoffs[0].code;

    h.clock.set('2026-09-29T02:00:00.000Z');
    const incoming = await h.ok('clerk', 'queue', { queue: 'incoming' }, townshipClerk);
    expect(incoming.counts.incoming).toBe(1);
    r = (await h.ok('clerk', 'confirmHandoff', { code: code.toLowerCase() }, townshipClerk)).request;
    expect(r.handoffs[0]).toMatchObject({ state: 'received', receivedBy: townshipClerk });
    r = (await h.ok('clerk', 'accept', { id: r.id, version: r.version }, townshipClerk)).request;
    expect(chinaDate(r.deadline)).toBe(nthWorkingDayAfter('2026-09-29', townshipItem.promisedDays));

    h.clock.set('2026-10-09T03:00:00.000Z');
    r = (await h.ok('clerk', 'decide', { id: r.id, version: r.version, outcome: 'approved', reasons: '符合条件，准予办理' }, townshipClerk)).request;
    expect(r.holderCenterId).toBe(village.id);
    r = (await h.ok('clerk', 'deliver', { id: r.id, version: r.version }, villageClerk)).request;
    r = (await h.ok('requests', 'rate', { id: r.id, version: r.version, level: '非常满意', comment: '村里就办好了' }, resident)).request;
    expect(r.state).toBe('closed');

    const { timeline } = await h.ok('requests', 'get', { id: r.id }, resident);
    expect(timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'precheck',
      'sendHandoff',
      'confirmHandoff',
      'accept',
      'decide',
      'deliver',
      'rate',
    ]);
    expect(timeline.map((e: { centerId: string }) => e.centerId)).toEqual([
      village.id,
      village.id,
      village.id,
      'ts-103',
      'ts-103',
      'ts-103',
      village.id,
      village.id,
    ]);
  });

  it('makes exactly one request when the same idempotency key is sent 20 times at once', async () => {
    const resident = await h.login('resident', { villageId: village.id });
    await h.ok(
      'session',
      'bindResident',
      { name: '李四', idNumber: validIdNumber('19750505', '321'), phone: '13905371234', homeVillageId: village.id },
      resident,
    );
    const send = () =>
      h.call(
        'requests',
        'submit',
        { itemCode: townshipItem.code, intakeCenterId: village.id, form: filledForm(townshipItem), materials: [], idempotencyKey: 'same-key-twenty' },
        resident,
      );
    const answers = await Promise.all(Array.from({ length: 20 }, send));
    expect(answers.every((a) => a.ok)).toBe(true);
    const ids = new Set(answers.map((a) => (a.ok ? a.data.request.id : '')));
    expect(ids.size).toBe(1);
    const mine = await h.ok('requests', 'mine', {}, resident);
    expect(mine.total).toBe(1);
  });

  it('lets exactly one of 10 parallel accepts through and answers CONFLICT to the other 9', async () => {
    const resident = await h.login('resident', { villageId: village.id });
    await h.ok(
      'session',
      'bindResident',
      { name: '王五', idNumber: validIdNumber('19660606', '654'), phone: '13705371234', homeVillageId: village.id },
      resident,
    );
    const { request } = await h.ok(
      'requests',
      'submit',
      { itemCode: townshipItem.code, intakeCenterId: 'ts-103', form: filledForm(townshipItem), materials: [], idempotencyKey: 'accept-race-01' },
      resident,
    );
    const townshipClerk = await h.login('clerk', { centerId: 'ts-103' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.call('clerk', 'accept', { id: request.id, version: request.version }, townshipClerk)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(Array(9).fill('CONFLICT'));
    const { timeline } = await h.ok('clerk', 'get', { id: request.id }, townshipClerk);
    expect(timeline.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
  });
});
