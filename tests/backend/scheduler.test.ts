/**
 * The scheduled work on a fixed clock, on both stores: a handoff left unconfirmed across the
 * National Day holiday is flagged only once more than the allowed working days have passed,
 * for both centers; notices are sent, retried on failure, and never lost silently.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { deliverOutbox, inAppSender, runOverdueScan, type MessageSender } from '../../cloudfunctions/scheduler/scheduler.jobs';

const item = loadSampleItems().find((i) => i.level === 'township' && i.audience === 'person' && !i.lists.includes('taiping'))!;
const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '105')!;

describe.each<StoreKind>(['sqlite', 'cloudbase'])('the scheduler on the %s store', (kind) => {
  let h: Harness;
  let resident: string;
  let villageClerk: string;
  let townshipClerk: string;
  beforeAll(async () => {
    h = await makeHarness(kind, '2026-09-30T01:00:00.000Z');
    resident = await h.login('resident', { villageId: village.id });
    await h.ok(
      'session',
      'bindResident',
      { name: '孙七', idNumber: validIdNumber('19700707', '707'), phone: '13805377777', homeVillageId: village.id },
      resident,
    );
    villageClerk = await h.login('clerk', { centerId: village.id });
    townshipClerk = await h.login('clerk', { centerId: 'ts-105' });
  });
  afterAll(() => h.close());

  it('flags a handoff unconfirmed for more than 2 working days across National Day as overdue for both centers', async () => {
    let { request: r } = await h.ok(
      'requests',
      'submit',
      { itemCode: item.code, intakeCenterId: village.id, form: filledForm(item), materials: [], idempotencyKey: 'holiday-handoff-1' },
      resident,
    );
    r = (await h.ok('clerk', 'precheck', { id: r.id, version: r.version }, villageClerk)).request;
    r = (await h.ok('clerk', 'sendHandoff', { id: r.id, version: r.version, checklist: [{ name: '申请表', form: 'paper_original', count: 1 }] }, villageClerk))
      .request;

    h.clock.set('2026-10-08T09:00:00.000Z'); // Thu 17:00 China time: only Oct 8 has passed as a working day
    await runOverdueScan(h.deps);
    expect((await h.ok('clerk', 'queue', { queue: 'overdue' }, townshipClerk)).counts.overdue).toBe(0);

    h.clock.set('2026-10-12T02:00:00.000Z'); // Mon: Oct 8, 9 and the make-up Saturday Oct 10 have passed
    const report = await runOverdueScan(h.deps);
    expect(report.flagged).toBeGreaterThanOrEqual(1);
    for (const clerk of [townshipClerk, villageClerk]) {
      const q = await h.ok('clerk', 'queue', { queue: 'overdue' }, clerk);
      expect(q.items.map((x: { id: string }) => x.id)).toContain(r.id);
    }
    const { request } = await h.ok('clerk', 'get', { id: r.id }, townshipClerk);
    expect(request.handoffs[0].overdue).toBe(true);
    for (const clerk of [townshipClerk, villageClerk]) {
      const inbox = await h.ok('messages', 'list', {}, clerk);
      expect(inbox.items.map((m: { kind: string }) => m.kind)).toContain('overdue');
    }
    expect((await runOverdueScan(h.deps)).flagged).toBe(0);
  });

  it('tells the resident of acceptance, and marks the notice sent once delivered', async () => {
    let { request: r } = await h.ok(
      'requests',
      'submit',
      { itemCode: item.code, intakeCenterId: 'ts-105', form: filledForm(item), materials: [], idempotencyKey: 'notice-accept-1' },
      resident,
    );
    r = (await h.ok('clerk', 'accept', { id: r.id, version: r.version }, townshipClerk)).request;
    const before = await h.ok('messages', 'list', {}, resident);
    expect(before.items[0]).toMatchObject({ kind: 'accepted', requestId: r.id, state: 'pending' });
    expect(before.items[0].body).toContain(r.trackingNo);
    await deliverOutbox(h.deps, inAppSender);
    const after = await h.ok('messages', 'list', {}, resident);
    expect(after.items[0].state).toBe('sent');
  });

  it('retries a failed send, records the error, and gives up only after the last attempt', async () => {
    await deliverOutbox(h.deps, inAppSender); // clear what earlier tests queued
    let { request: r } = await h.ok(
      'requests',
      'submit',
      { itemCode: item.code, intakeCenterId: 'ts-105', form: filledForm(item), materials: [], idempotencyKey: 'notice-retry-1' },
      resident,
    );
    await deliverOutbox(h.deps, inAppSender); // the intake center's notice of the new application
    r = (await h.ok('clerk', 'accept', { id: r.id, version: r.version }, townshipClerk)).request;
    let calls = 0;
    const flaky: MessageSender = {
      send: async () => {
        calls += 1;
        if (calls < 3) throw new Error('errCode 43101 user refuses');
      },
    };
    expect(await deliverOutbox(h.deps, flaky, 5)).toMatchObject({ retried: 1, sent: 0 });
    expect(await deliverOutbox(h.deps, flaky, 5)).toMatchObject({ retried: 1, sent: 0 });
    expect(await deliverOutbox(h.deps, flaky, 5)).toMatchObject({ sent: 1 });

    r = (await h.ok('clerk', 'pause', { id: r.id, version: r.version, reason: '缺少户口簿', missing: ['户口簿'] }, townshipClerk)).request;
    const broken: MessageSender = {
      send: async () => {
        throw new Error('errCode 40003 invalid openid');
      },
    };
    for (let i = 0; i < 3; i += 1) await deliverOutbox(h.deps, broken, 3);
    const inbox = await h.ok('messages', 'list', {}, resident);
    const paused = inbox.items.find((m: { kind: string; requestId: string }) => m.kind === 'paused' && m.requestId === r.id);
    expect(paused.state).toBe('failed');
    expect(await h.deps.outbox.pendingOutbox(10)).toEqual([]);
  });
});
