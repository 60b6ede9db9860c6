/**
 * Impossible values are refused with a coded, Chinese answer and leave nothing stored: a form
 * date of 2025-13-45, an ID born in the future, a material name or a checklist entry of a
 * million characters.
 */
import { makeHarness, type Harness } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';

const dated = loadSampleItems().find(
  (i) => i.formFields.some((f) => f.type === 'date' && f.required) && i.level === 'township' && i.audience !== 'company' && !i.lists.includes('taiping'),
)!;
const dateKey = dated.formFields.find((f) => f.type === 'date')!.key;
const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '103')!;
const huge = '材'.repeat(1_000_000);

let h: Harness;
let resident: string;
beforeAll(async () => {
  h = await makeHarness('sqlite');
  resident = await h.login('resident', { villageId: village.id });
  await h.ok('session', 'bindResident', { name: '周八', idNumber: validIdNumber(), phone: '13805378888', homeVillageId: village.id }, resident);
});
afterAll(() => h.close());

const submit = (over: Record<string, unknown>) =>
  h.call(
    'requests',
    'submit',
    { itemCode: dated.code, intakeCenterId: village.id, form: filledForm(dated), materials: [], idempotencyKey: `impossible-${Math.random()}`, ...over },
    resident,
  );
const stored = async () => (await h.ok('requests', 'mine', {}, resident)).total;

describe('impossible values', () => {
  it('a form date of 2025-13-45 is refused, not stored', async () => {
    const answer = await submit({ form: { ...filledForm(dated), [dateKey]: '2025-13-45' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { [`form.${dateKey}`]: expect.stringMatching(/不是有效的日期/) } } });
    expect(await stored()).toBe(0);
  });

  it('an ID whose birth date is in the future (370883209901010018) is refused at binding and in a form', async () => {
    const other = await h.login('resident', { villageId: village.id });
    const bind = await h.call(
      'session',
      'bindResident',
      { name: '吴九', idNumber: '370883209901010018', phone: '13805379999', homeVillageId: village.id },
      other,
    );
    expect(bind).toMatchObject({ ok: false, error: { code: 'INVALID_ID_NUMBER' } });
    expect((await h.ok('session', 'whoami', {}, other)).user.bound).toBe(false);
    const withId = loadSampleItems().find(
      (i) => i.formFields.some((f) => f.type === 'idNumber') && i.level === 'township' && i.audience !== 'company' && !i.lists.includes('taiping'),
    )!;
    const key = withId.formFields.find((f) => f.type === 'idNumber')!.key;
    const answer = await submit({ itemCode: withId.code, form: { ...filledForm(withId), [key]: '370883209901010018' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { [`form.${key}`]: expect.stringMatching(/身份证/) } } });
  });

  it('a material name of a million characters is refused with its limit in Chinese, not stored', async () => {
    const answer = await submit({ materials: [{ name: huge }] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { 'materials.0.name': '材料名称不能超过100个字' } } });
    expect(await stored()).toBe(0);
  });

  it('a checklist entry of a million characters is refused and the request does not move', async () => {
    const { request } = await h.ok(
      'requests',
      'submit',
      { itemCode: dated.code, intakeCenterId: village.id, form: filledForm(dated), materials: [], idempotencyKey: 'checklist-huge-1' },
      resident,
    );
    const clerk = await h.login('clerk', { centerId: village.id });
    const pre = (await h.ok('clerk', 'precheck', { id: request.id, version: request.version }, clerk)).request;
    const answer = await h.call('clerk', 'sendHandoff', { id: pre.id, version: pre.version, checklist: [{ name: huge, form: 'paper_copy', count: 1 }] }, clerk);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { 'checklist.0.name': '材料名称不能超过100个字' } } });
    expect(await h.deps.requests.getRequest(pre.id)).toMatchObject({ version: pre.version, state: 'prechecked' });
  });
});
