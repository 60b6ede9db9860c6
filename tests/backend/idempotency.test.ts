/**
 * A submit's idempotency key stands for one body: a retry of the same body answers the first
 * request, the same key with another body is refused, on both stores.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';

const items = loadSampleItems().filter((i) => i.level === 'township' && i.audience !== 'company' && !i.lists.includes('taiping'));
const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '103')!;

describe.each<StoreKind>(['sqlite', 'cloudbase'])('idempotency keys on the %s store', (kind) => {
  let h: Harness;
  let resident: string;
  beforeAll(async () => {
    h = await makeHarness(kind);
    resident = await h.login('resident', { villageId: village.id });
    await h.ok('session', 'bindResident', { name: '王五', idNumber: validIdNumber(), phone: '13805375555', homeVillageId: village.id }, resident);
  }, 180_000);
  afterAll(() => h.close());

  const body = (item = items[0], key = 'same-key-0001') => ({
    itemCode: item.code,
    intakeCenterId: village.id,
    form: filledForm(item),
    materials: [{ name: '居民身份证' }],
    idempotencyKey: key,
  });

  it('a retry of the same body, its keys in another order, answers the first request', async () => {
    const first = (await h.ok('requests', 'submit', body(), resident)).request;
    const { itemCode, intakeCenterId, form, materials, idempotencyKey } = body();
    const reordered = { idempotencyKey, materials, form: Object.fromEntries(Object.entries(form).reverse()), intakeCenterId, itemCode };
    expect((await h.ok('requests', 'submit', reordered, resident)).request.id).toBe(first.id);
  });

  it('a reused idempotency key with a different body answers IDEMPOTENCY_KEY_REUSED, not the other request', async () => {
    const first = (await h.ok('requests', 'submit', body(items[0], 'reuse-key-0001'), resident)).request;
    const other = await h.call('requests', 'submit', body(items[1], 'reuse-key-0001'), resident);
    expect(other).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringMatching(/提交编号/) } });
    const changedForm = await h.call('requests', 'submit', { ...body(items[0], 'reuse-key-0001'), materials: [] }, resident);
    expect(changedForm).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    const mine = await h.ok('requests', 'mine', {}, resident);
    expect(mine.items.filter((r: { id: string }) => r.id === first.id)).toHaveLength(1);
    expect(JSON.stringify(mine)).not.toMatch(/idempotency/i);
  });
});
