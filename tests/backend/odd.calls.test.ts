/**
 * Odd calls an outside tester made, answered right on both stores: a slip signed twice says it
 * was signed, and the city center's hundreds of items come a page at a time with their count.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';

const items = loadSampleItems();
const townshipItem = items.find((i) => i.level === 'township' && i.audience !== 'company' && !i.lists.includes('taiping'))!;
const centers = loadSampleCenters();
const village = centers.find((c) => c.kind === 'village' && c.townshipCode === '103')!;
const citywideItem = items.find((i) => i.lists.includes('citywide') && i.level === 'city' && i.audience !== 'company' && !i.lists.includes('taiping'))!;

describe.each<StoreKind>(['sqlite', 'cloudbase'])('odd calls on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness(kind);
  }, 180_000);
  afterAll(() => h.close());

  it('a second confirmHandoff on a received slip says HANDOFF_NOT_PENDING, not that the code is wrong', async () => {
    const resident = await h.login('resident', { villageId: village.id });
    await h.ok('session', 'bindResident', { name: '张三丰', idNumber: validIdNumber(), phone: '13805371234', homeVillageId: village.id }, resident);
    const villageClerk = await h.login('clerk', { centerId: village.id });
    const townshipClerk = await h.login('clerk', { centerId: 'ts-103' });
    let r = (
      await h.ok(
        'requests',
        'submit',
        { itemCode: townshipItem.code, intakeCenterId: village.id, form: filledForm(townshipItem), materials: [], idempotencyKey: 'twice-signed-1' },
        resident,
      )
    ).request;
    r = (await h.ok('clerk', 'precheck', { id: r.id, version: r.version }, villageClerk)).request;
    r = (await h.ok('clerk', 'sendHandoff', { id: r.id, version: r.version, checklist: [{ name: '居民身份证', form: 'paper_copy', count: 1 }] }, villageClerk))
      .request;
    const code = r.handoffs[0].code;
    await h.ok('clerk', 'confirmHandoff', { code }, townshipClerk);

    const again = await h.call('clerk', 'confirmHandoff', { code }, townshipClerk);
    expect(again).toMatchObject({ ok: false, error: { code: 'HANDOFF_NOT_PENDING', message: '这份流转单已经处理过了' } });
    // a clerk of another center still cannot tell a signed slip from an unknown code
    const elsewhere = await h.call('clerk', 'confirmHandoff', { code }, await h.login('clerk', { centerId: 'ts-101' }));
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'HANDOFF_CODE_MISMATCH' } });
  });

  it("a 全市通办 item handed in at a center the guide does not list is taken in (it was INTAKE_NOT_ALLOWED), its path up that center's own chain", async () => {
    const resident = await h.login('resident', { villageId: village.id });
    await h.ok(
      'session',
      'bindResident',
      { name: '李四海', idNumber: validIdNumber('19800202', '321'), phone: '13805374321', homeVillageId: village.id },
      resident,
    );
    const { route } = await h.ok('directory', 'guide', { itemCode: citywideItem.code }, resident);
    const listed = new Set(route.intake.map((o: { center: { id: string } }) => o.center.id));
    const far = centers.find((c) => c.kind === 'village' && c.townshipCode === '114' && !listed.has(c.id))!;
    const { request } = await h.ok(
      'requests',
      'submit',
      { itemCode: citywideItem.code, intakeCenterId: far.id, form: filledForm(citywideItem), materials: [], idempotencyKey: 'citywide-far-1' },
      resident,
    );
    expect(request.path).toEqual([far.id, far.parentId, 'city']);
    expect(request.holderCenterId).toBe(far.id);
    const bank = centers.find((c) => c.kind === 'bank')!;
    const refused = await h.call(
      'requests',
      'submit',
      { itemCode: citywideItem.code, intakeCenterId: bank.id, form: filledForm(citywideItem), materials: [], idempotencyKey: 'citywide-bank-1' },
      resident,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'INTAKE_NOT_ALLOWED' } });
  });

  it('getCenter of the city pages its items and says how many there are, instead of cutting at 100 silently', async () => {
    const offered = (await h.deps.directory.getCenter('city'))!.offers.length;
    expect(offered).toBeGreaterThan(100);
    const first = await h.ok('directory', 'getCenter', { id: 'city' });
    expect(first).toMatchObject({ total: offered, page: 1, pageSize: 20 });
    expect(first.items).toHaveLength(20);
    const last = Math.ceil(offered / 50);
    const tail = await h.ok('directory', 'getCenter', { id: 'city', page: last, pageSize: 50 });
    expect(tail.items).toHaveLength(offered - (last - 1) * 50);
    const all = await h.ok('directory', 'searchItems', { centerId: 'city', pageSize: 100 });
    expect(all.total).toBe(offered);
  });
});
