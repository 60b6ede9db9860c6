/**
 * The holder center is told of every step that gives it work, each reader has their own
 * unread count, and a bad review reaches the deciding center's 整改 queue and the administrator
 * until the return call closes it; on both stores, through the handlers.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';

const items = loadSampleItems();
const centers = loadSampleCenters();
const townshipItem = items.find((i) => i.level === 'township' && i.audience !== 'company' && i.kind === 'promised' && !i.lists.includes('taiping'))!;
const village = centers.find((c) => c.kind === 'village' && c.townshipCode === '103')!;
const township = centers.find((c) => c.kind === 'township' && c.townshipCode === '103')!;

const titles = async (h: Harness, who: string) => ((await h.ok('messages', 'list', {}, who)).items as { title: string }[]).map((m) => m.title);

describe.each<StoreKind>(['sqlite', 'cloudbase'])('notices and rectification on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness(kind, '2026-09-14T01:00:00.000Z');
  });
  afterAll(() => h.close());

  it('regression: the village clerk is told of a new application and of the result coming back for delivery', async () => {
    const resident = await h.login('resident', { villageId: village.id });
    await h.ok(
      'session',
      'bindResident',
      { name: '张秀兰', idNumber: validIdNumber('19580101', '020'), phone: '13805370020', homeVillageId: village.id },
      resident,
    );
    const villageClerk = await h.login('clerk', { centerId: village.id });
    const townClerk = await h.login('clerk', { centerId: township.id });
    const admin = await h.login('admin');

    let { request: r } = await h.ok(
      'requests',
      'submit',
      { itemCode: townshipItem.code, intakeCenterId: village.id, form: filledForm(townshipItem), materials: [], idempotencyKey: `notice-${kind}` },
      resident,
    );
    expect(await titles(h, villageClerk)).toEqual(['有新的申请待处理']);
    expect((await h.ok('messages', 'unread', {}, villageClerk)).count).toBe(1);

    h.clock.advanceHours(1);
    r = (await h.ok('clerk', 'precheck', { id: r.id, version: r.version }, villageClerk)).request;
    r = (await h.ok('clerk', 'sendHandoff', { id: r.id, version: r.version, checklist: [{ name: '申请表', form: 'paper_original', count: 1 }] }, villageClerk))
      .request;
    expect(await titles(h, townClerk)).toEqual(['有新的移交件待签收']);
    r = (await h.ok('clerk', 'confirmHandoff', { code: r.handoffs[0].code }, townClerk)).request;
    r = (await h.ok('clerk', 'accept', { id: r.id, version: r.version }, townClerk)).request;
    h.clock.advanceHours(1);
    r = (await h.ok('clerk', 'decide', { id: r.id, version: r.version, outcome: 'approved', reasons: '符合条件，准予办理' }, townClerk)).request;
    expect(await titles(h, villageClerk)).toEqual(['办理结果待送达', '有新的申请待处理']);

    // read state: the list says what is read, and marking read lowers the badge
    const list = await h.ok('messages', 'list', {}, villageClerk);
    expect(list.unread).toBe(2);
    expect(list.items.map((m: { read: boolean }) => m.read)).toEqual([false, false]);
    expect(await h.ok('messages', 'markRead', { ids: [list.items[1].id] }, villageClerk)).toEqual({ marked: 1, unread: 1 });
    expect((await h.ok('messages', 'list', {}, villageClerk)).items.map((m: { read: boolean }) => m.read)).toEqual([false, true]);
    // another reader's ids are skipped, not marked
    expect(await h.ok('messages', 'markRead', { ids: [list.items[0].id] }, resident)).toMatchObject({ marked: 0 });

    h.clock.advanceHours(1);
    r = (await h.ok('clerk', 'deliver', { id: r.id, version: r.version }, villageClerk)).request;
    const refused = await h.call('requests', 'rate', { id: r.id, version: r.version, level: '不满意', comment: '等了很久' }, resident);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATING_REASON_REQUIRED', message: '请至少选择一个不满意的原因，我们会据此整改' } });
    r = (await h.ok('requests', 'rate', { id: r.id, version: r.version, level: '不满意', comment: '等了很久', reasons: ['办理时间太长'] }, resident)).request;

    // the deciding center has it in its 整改 queue with the deadline; the administrator is told
    const queue = await h.ok('clerk', 'queue', { queue: 'rectify' }, townClerk);
    expect(queue.counts.rectify).toBe(1);
    expect(queue.items[0]).toMatchObject({ id: r.id, rectification: { state: 'open', deadline: expect.any(String) } });
    expect((await h.ok('clerk', 'queue', { queue: 'rectify' }, villageClerk)).total).toBe(0);
    expect((await titles(h, townClerk))[0]).toBe('收到差评，请回访整改');
    expect(await titles(h, admin)).toEqual(['新的差评待整改']);

    // the village that took it in cannot record the call; the deciding center can, and that closes the case
    h.clock.advanceHours(1);
    const call = { id: r.id, version: r.version, caller: '刘*', calledAt: h.clock.now().toISOString(), note: '已电话致歉，说明了审批时限', satisfied: true };
    expect(await h.call('clerk', 'returnCall', call, villageClerk)).toMatchObject({ ok: false, error: { code: 'NOT_HOLDER' } });
    r = (await h.ok('clerk', 'returnCall', call, townClerk)).request;
    expect(r.rectification).toMatchObject({ state: 'closed', returnCall: { caller: '刘*', satisfied: true } });
    expect((await h.ok('clerk', 'queue', { queue: 'rectify' }, townClerk)).counts.rectify).toBe(0);
    expect((await titles(h, resident))[0]).toBe('您的差评已回访');
    const { timeline } = await h.ok('requests', 'get', { id: r.id }, resident);
    expect(timeline.map((e: { action: string }) => e.action).slice(-2)).toEqual(['rate', 'returnCall']);
  });
});
