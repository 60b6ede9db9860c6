/**
 * Binding residents and companies: checksums validated, clear coded errors, nothing stored
 * on bad input, personal numbers kept only masked and hashed; a bound company is routed by
 * its location (区内事区内办 for the development zone).
 */
import { makeHarness, type Harness } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleItems } from '../../data/sample';
import { creditCheckChar } from '../../shared/validators';

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

describe('binding a company', () => {
  it('refuses a wrong credit code checksum with INVALID_CREDIT_CODE', async () => {
    const id = await h.login('company');
    const answer = await h.call('session', 'bindCompany', { creditCode: '91370883MA3C4K2L16', name: '测试公司', location: 'zone' }, id);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_CREDIT_CODE', fields: { creditCode: 'INVALID_CREDIT_CODE' } } });
  });

  it('binds a development-zone company and routes its zone item to the zone branch', async () => {
    const id = await h.login('company');
    const bound = await h.ok('session', 'bindCompany', { creditCode: '91350100M000100Y43', name: '示例科技有限公司', location: 'zone' }, id);
    expect(bound.user).toMatchObject({ role: 'company', bound: true, companyName: '示例科技有限公司' });
    const { route } = await h.ok('directory', 'guide', { itemCode: zoneItem.code }, id);
    expect(route).toMatchObject({ rule: 'ZONE', decider: { id: 'zone', kind: 'zone' } });
    expect(route.explanation).toContain('区内事区内办');
  });

  it('does not let a second account join an already bound company by its public credit code', async () => {
    const first = await h.login('company');
    const second = await h.login('company');
    await h.ok('session', 'bindCompany', { creditCode: '91370883MA3G5H7J4C', name: '钢山示例', location: { townshipCode: '001' } }, first);
    const answer = await h.call('session', 'bindCompany', { creditCode: '91370883MA3G5H7J4C', name: '钢山示例', location: { townshipCode: '001' } }, second);
    expect(answer).toMatchObject({ ok: false, error: { code: 'COMPANY_ALREADY_BOUND' } });
    expect((await h.ok('session', 'whoami', {}, second)).user).toMatchObject({ bound: false });
  });
});

describe('credit codes cannot be squatted', () => {
  const codes = ['91370883MA3C4K2L1X', '91370883MA3C5K2L1X', '91370883MA3C6K2L1X'].map((c) => c.slice(0, 17)).map((body) => body + creditCheckChar(body));

  it('one account binds at most one company: binding another in a row leaves the first, not 50 held at once', async () => {
    const squatter = await h.login('company');
    for (const creditCode of codes) await h.ok('session', 'bindCompany', { creditCode, name: '抢注公司', location: { townshipCode: '001' } }, squatter);
    const user = await h.deps.users.getUser(squatter);
    const held = await Promise.all(codes.map(async (c) => (await h.deps.users.findCompanyByCreditCode(c))!));
    expect(held.map((c) => c.id === user!.companyId)).toEqual([false, false, true]);
    expect(await Promise.all(held.map((c) => h.deps.users.countCompanyMembers(c.id)))).toEqual([0, 0, 1]);
  });

  it('a company whose only member re-bound elsewhere is claimed again, not locked with COMPANY_ALREADY_BOUND', async () => {
    const owner = await h.login('company');
    const wanted = '91370883MA3D7K2L1'.slice(0, 17);
    const creditCode = wanted + creditCheckChar(wanted);
    await h.ok('session', 'bindCompany', { creditCode, name: '钢山真公司', location: { townshipCode: '001' } }, owner);
    await h.ok('session', 'bindCompany', { creditCode: codes[0], name: '别的公司', location: 'zone' }, owner);
    const claimant = await h.login('company');
    const claimed = await h.ok('session', 'bindCompany', { creditCode, name: '钢山真公司', location: { townshipCode: '002' } }, claimant);
    expect(claimed.user).toMatchObject({ role: 'company', bound: true, companyName: '钢山真公司' });
    const company = (await h.deps.users.findCompanyByCreditCode(creditCode))!;
    expect(company).toMatchObject({ id: claimed.user.companyId, location: { townshipCode: '002' }, version: 2 });
    // and once claimed, it has a member again
    const third = await h.login('company');
    expect(await h.call('session', 'bindCompany', { creditCode, name: '钢山真公司', location: { townshipCode: '001' } }, third)).toMatchObject({
      ok: false,
      error: { code: 'COMPANY_ALREADY_BOUND' },
    });
  });

  it("binding one's own company again keeps it", async () => {
    const owner = await h.login('company');
    const body = '91370883MA3E8K2L1';
    const creditCode = body + creditCheckChar(body);
    const first = await h.ok('session', 'bindCompany', { creditCode, name: '自家公司', location: { townshipCode: '001' } }, owner);
    const again = await h.ok('session', 'bindCompany', { creditCode, name: '自家公司', location: { townshipCode: '001' } }, owner);
    expect(again.user.companyId).toBe(first.user.companyId);
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
