/**
 * The overdue scan reads what can have changed, on both stores (CloudBase over the wire against
 * the fake): every open request on its first pass, then only the requests written since the
 * last pass or whose deadline or handoff crossed a line; a run stopped by its budget leaves the
 * rest to the next run, which resumes where it stopped.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleItems } from '../../data/sample';
import { SCAN_STATE_KEY, runOverdueScan, type ScanReport } from '../../cloudfunctions/scheduler/scheduler.jobs';

const item = loadSampleItems().find(
  (i) => i.level === 'township' && i.audience === 'person' && i.promisedDays >= 3 && i.promisedDays <= 10 && !i.lists.includes('taiping'),
)!;
const TOWNSHIP = 'ts-104';
const VILLAGE = 'v-104-001';

describe.each<StoreKind>(['sqlite', 'cloudbase'])('the overdue scan on the %s store', (kind) => {
  let h: Harness;
  let resident: string;
  let clerk: string;
  let n = 0;
  const submitAtTownship = async () =>
    (
      await h.ok(
        'requests',
        'submit',
        { itemCode: item.code, intakeCenterId: TOWNSHIP, form: filledForm(item), materials: [], idempotencyKey: `scan-${kind}-${(n += 1)}` },
        resident,
      )
    ).request;
  const accept = async (r: { id: string; version: number }) => (await h.ok('clerk', 'accept', { id: r.id, version: r.version }, clerk)).request;

  // one harness per store, its clock only moving forward: each sentence goes on from where the last one left the scan
  beforeAll(async () => {
    h = await makeHarness(kind, '2026-11-02T01:00:00.000Z'); // Monday 09:00 in China
    resident = await h.login('resident', { villageId: VILLAGE });
    await h.ok('session', 'bindResident', { name: '周八', idNumber: validIdNumber('19750505', '505'), phone: '13805375555', homeVillageId: VILLAGE }, resident);
    clerk = await h.login('clerk', { centerId: TOWNSHIP });
  });
  afterAll(() => h.close());

  it('reads every open request on its first pass, then only what was written since shortly before the last pass', async () => {
    for (let i = 0; i < 4; i++) await submitAtTownship();
    expect(await runOverdueScan(h.deps)).toMatchObject({ full: true, complete: true, scanned: 4, flagged: 0 });
    h.clock.advanceHours(1);
    // written at the very time of the last pass: looked at once more, in case a write committed after its read
    expect(await runOverdueScan(h.deps)).toMatchObject({ full: false, complete: true, scanned: 4 });
    h.clock.advanceHours(1);
    expect(await runOverdueScan(h.deps)).toMatchObject({ full: false, complete: true, scanned: 0 });
    await submitAtTownship();
    h.clock.advanceHours(1);
    expect(await runOverdueScan(h.deps)).toMatchObject({ full: false, scanned: 1, flagged: 0 });
    h.clock.advanceHours(1);
    expect(await runOverdueScan(h.deps)).toMatchObject({ full: false, scanned: 0 });
  });

  it('flags a deadline that passed between two passes although nobody wrote the request, and its due-soon day before', async () => {
    const accepted = await accept(await submitAtTownship());
    await submitAtTownship();
    h.clock.advanceHours(1);
    await runOverdueScan(h.deps);
    expect(await runOverdueScan(h.deps)).toMatchObject({ scanned: 0 });
    const deadline = Date.parse(accepted.deadline);
    h.clock.set(new Date(deadline - 20 * 3600_000).toISOString()); // the morning of the last day
    const soon = await runOverdueScan(h.deps);
    expect(soon).toMatchObject({ full: false, flagged: 1 });
    expect(soon.scanned).toBeLessThanOrEqual(2);
    expect((await h.deps.requests.getRequest(accepted.id))?.dueSoon).toBe(true);
    h.clock.set(new Date(deadline + 3600_000).toISOString());
    expect(await runOverdueScan(h.deps)).toMatchObject({ full: false, flagged: 1 });
    expect((await h.deps.requests.getRequest(accepted.id))?.overdue).toBe(true);
    expect((await h.ok('clerk', 'queue', { queue: 'overdue' }, clerk)).counts.overdue).toBe(1);
  });

  it('stops at its budget and leaves the rest of the pass to the next run, which resumes where it stopped', async () => {
    const late = [];
    for (let i = 0; i < 5; i++) late.push(await accept(await submitAtTownship()));
    h.clock.set(new Date(Date.parse(late[0].deadline) + 3600_000).toISOString());
    const overdueBefore = (await h.ok('clerk', 'queue', { queue: 'overdue' }, clerk)).counts.overdue;
    await h.deps.meta.putMeta(SCAN_STATE_KEY, '{}'); // as if no pass had run: this one reads every open request
    const open = (await h.deps.requests.listOpenRequests(null, 1000)).length;
    const runs: ScanReport[] = [];
    for (let i = 0; i < 10; i++) {
      const run = await runOverdueScan(h.deps, 5, { pages: 1 });
      runs.push(run);
      if (run.complete) break;
    }
    expect(runs.map((r) => r.complete)).toEqual([...Array(Math.ceil(open / 5) - 1).fill(false), true]);
    expect(runs.every((r) => r.full)).toBe(true);
    expect(runs.reduce((sum, r) => sum + r.scanned, 0)).toBe(open);
    expect(runs.reduce((sum, r) => sum + r.flagged, 0)).toBe(5);
    expect((await h.ok('clerk', 'queue', { queue: 'overdue' }, clerk)).counts.overdue).toBe(overdueBefore + 5);
    h.clock.advanceHours(1);
    expect(await runOverdueScan(h.deps)).toMatchObject({ full: false, complete: true, flagged: 0 });
  });

  it('resumes a stopped pass inside the range it was walking, by its cursor, without starting over', async () => {
    const late = [];
    for (let i = 0; i < 3; i++) late.push(await accept(await submitAtTownship()));
    h.clock.advanceHours(1);
    await runOverdueScan(h.deps);
    h.clock.set(new Date(Date.parse(late[2].deadline) + 3600_000).toISOString());
    const runs: ScanReport[] = [];
    for (let i = 0; i < 30 && !runs.some((r) => r.complete); i++) runs.push(await runOverdueScan(h.deps, 1, { pages: 1 }));
    expect(runs.every((r) => !r.full && r.scanned <= 1)).toBe(true);
    expect(runs.filter((r) => r.complete)).toHaveLength(1);
    expect(runs.reduce((sum, r) => sum + r.flagged, 0)).toBe(3);
    for (const r of late) expect((await h.deps.requests.getRequest(r.id))?.overdue).toBe(true);
  });
});
