/**
 * Binding residents and companies: checksums validated, clear coded errors, nothing stored
 * on bad input, personal numbers kept only masked and hashed; a bound company is routed by
 * its location (区内事区内办 for the development zone).
 */
import { makeHarness, type Harness } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleItems } from '../../data/sample';

const zoneItem = loadSampleItems().find((i) => i.lists.includes('zone') && i.audience === 'company')!;
let h: Harness;
beforeAll(async () => {
  h = await makeHarness('sqlite');
});
afterAll(() => h.close());

describe('binding a resident', () => {
  it('refuses a wrong ID checksum with INVALID_ID_NUMBER on the field and stores nothing', async () => {
    const id = await h.login('resident', { villageId: 'v-101-001' });
    const good = validIdNumber();
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const answer = await h.call('session', 'bindResident', { name: '钱九', idNumber: wrong, phone: '13805379999', homeVillageId: 'v-101-001' }, id);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ID_NUMBER', fields: { idNumber: 'INVALID_ID_NUMBER' } } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/身份证/);
    expect((await h.ok('session', 'whoami', {}, id)).user).toMatchObject({ bound: false });
  });

  it('names every bad field at once when more than one is wrong', async () => {
    const id = await h.login('resident');
    const answer = await h.call('session', 'bindResident', { name: '钱九', idNumber: '123', phone: '12345', homeVillageId: 'v-999-999' }, id);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(Object.keys(answer.ok ? {} : (answer.error.fields ?? {})).sort()).toEqual(['homeVillageId', 'idNumber', 'phone']);
  });

  it('keeps the ID number and phone only masked and hashed', async () => {
    const id = await h.login('resident', { villageId: 'v-101-001' });
    const idNumber = validIdNumber('19991231', '246');
    await h.ok('session', 'bindResident', { name: '钱九', idNumber, phone: '13805379999', homeVillageId: 'v-101-001' }, id);
    const stored = JSON.stringify(await h.deps.users.getUser(id));
    expect(stored).not.toContain(idNumber);
    expect(stored).not.toContain('13805379999');
    expect(stored).toContain(`3708**********${idNumber.slice(-4)}`);
  });

  it('accepts a lower-case x check character by normalising it', async () => {
    const id = await h.login('resident', { villageId: 'v-101-001' });
    const seq = ['000', '001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011'].find((s) => validIdNumber('19850505', s).endsWith('X'))!;
    const idNumber = validIdNumber('19850505', seq).toLowerCase();
    expect((await h.call('session', 'bindResident', { name: '钱九', idNumber, phone: '13805379999', homeVillageId: 'v-101-001' }, id)).ok).toBe(true);
  });
});

describe('an application form with an ID number', () => {
  it('is stored with the number masked and hashed, never in plain text', async () => {
    const item = loadSampleItems().find(
      (i) => i.formFields.some((f) => f.type === 'idNumber') && i.level === 'township' && i.audience !== 'company' && !i.lists.includes('taiping'),
    )!;
    const id = await h.login('resident', { villageId: 'v-101-001' });
    await h.ok('session', 'bindResident', { name: '郑十一', idNumber: validIdNumber('19770707', '111'), phone: '13805371111', homeVillageId: 'v-101-001' }, id);
    const form = filledForm(item);
    const key = item.formFields.find((f) => f.type === 'idNumber')!.key;
    const { request } = await h.ok(
      'requests',
      'submit',
      { itemCode: item.code, intakeCenterId: 'v-101-001', form, materials: [], idempotencyKey: 'sealed-form-1' },
      id,
    );
    expect(request.form[key]).toBe(`3708**********${String(form[key]).slice(-4)}`);
    expect(request).not.toHaveProperty('formHashes');
    const stored = await h.deps.requests.getRequest(request.id);
    expect(JSON.stringify(stored)).not.toContain(String(form[key]));
    expect(stored?.formHashes?.[key]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('companies are claimed, not bound', () => {
  it('session.bindCompany is gone: knowing a public credit code makes nobody a member (company.claim, checked by a clerk)', async () => {
    const id = await h.login('resident', { villageId: 'v-001-001' });
    const answer = await h.call('session', 'bindCompany', { creditCode: '91350100M000100Y43', name: '示例科技有限公司', location: 'zone' }, id);
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it('a member of a development-zone company sees its zone item routed to the zone branch', async () => {
    const id = await h.login('company', { companyId: 'co-sample-zone' });
    const { route } = await h.ok('directory', 'guide', { itemCode: zoneItem.code }, id);
    expect(route).toMatchObject({ rule: 'ZONE', decider: { id: 'zone', kind: 'zone' } });
    expect(route.explanation).toContain('区内事区内办');
  });
});

describe('the development login', () => {
  it('offers a resident already bound with a sample identity, masked like any other', async () => {
    const answer = await h.ok('session', 'devLogin', { persona: 'resident', villageId: 'v-107-001', sampleIdentity: true });
    expect(answer.user).toMatchObject({ role: 'resident', bound: true, homeVillageId: 'v-107-001', idMasked: expect.stringMatching(/^3708\*{10}\d{3}[\dX]$/) });
    const stored = JSON.stringify(await h.deps.users.getUser(answer.user.id));
    expect(stored).not.toContain('370883197001010');
  });

  it('needs a center for a clerk and an existing village for a resident', async () => {
    expect(await h.call('session', 'devLogin', { persona: 'clerk' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { centerId: expect.any(String) } },
    });
    expect(await h.call('session', 'devLogin', { persona: 'resident', villageId: 'ts-101' })).toMatchObject({ ok: false, error: { code: 'CENTER_NOT_FOUND' } });
  });
});
