/**
 * Regressions of the personal-data holes an outside tester found (issue 9, items 3-6, 16, 17),
 * through the handlers on both stores: each test is named after what broke.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { keyedHash } from '../../cloudfunctions/core/identity/token';
import type { Item } from '../../shared/catalogue.schema';

const items = loadSampleItems();
const centers = loadSampleCenters();
const townshipItem = items.find(
  (i) => i.level === 'township' && i.audience === 'person' && !i.lists.includes('taiping') && i.formFields.some((f) => f.type === 'phone'),
)!;
const village = centers.find((c) => c.kind === 'village' && c.townshipCode === '103')!;
const otherTownship = 'ts-104';

describe.each<StoreKind>(['sqlite', 'cloudbase'])('personal data on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness(kind, '2026-09-28T01:00:00.000Z');
  });
  afterAll(() => h.close());

  /** A resident of the village, bound with a fresh ID number and the given phone. */
  const boundResident = async (seq: string, phone = '13805371234') => {
    const id = await h.login('resident', { villageId: village.id });
    const idNumber = validIdNumber('19800101', seq);
    await h.ok('session', 'bindResident', { name: '张三丰', idNumber, phone, homeVillageId: village.id }, id);
    return { id, idNumber };
  };
  const submit = async (resident: string, key: string, form: Record<string, unknown> = filledForm(townshipItem), item: Item = townshipItem) =>
    (await h.ok('requests', 'submit', { itemCode: item.code, intakeCenterId: village.id, form, materials: [], idempotencyKey: key }, resident)).request;

  describe('6: +86 138 0013 8000 was stored as +86**********8000', () => {
    it('normalizes a bound phone to 11 digits before it is masked and hashed', async () => {
      const id = await h.login('resident', { villageId: village.id });
      const { user } = await h.ok(
        'session',
        'bindResident',
        { name: '钱九', idNumber: validIdNumber('19700101', '601'), phone: '+86 138 0013 8000', homeVillageId: village.id },
        id,
      );
      expect(user.phoneMasked).toBe('138****8000');
      const stored = (await h.deps.users.getUser(id))!;
      expect(stored.phoneHash).toBe(keyedHash('13800138000', h.deps.secrets.idHash));
    });

    it('normalizes a form phone the same way', async () => {
      const { id } = await boundResident('602');
      const r = await submit(id, 'norm-form-0001', { ...filledForm(townshipItem), phone: '+86 138-0013-8000' });
      expect(r.form.phone).toBe('138****8000');
    });
  });

  describe('3: phone numbers in application forms were stored and listed raw', () => {
    it('stores form and profile phones and the name only masked and encrypted, and lists them masked', async () => {
      const { id } = await boundResident('301', '13912345678');
      const r = await submit(id, 'raw-phone-0001', { ...filledForm(townshipItem), phone: '13800138000' });
      const clerk = await h.login('clerk', { centerId: village.id });
      const queue = await h.ok('clerk', 'queue', { queue: 'precheck', pageSize: 100 }, clerk);
      const listed = queue.items.find((x: { id: string }) => x.id === r.id);
      expect(listed.form.phone).toBe('138****8000');
      expect(listed.applicant.phoneMasked).toBe('139****5678');
      const stored = JSON.stringify([await h.deps.requests.getRequest(r.id), await h.deps.users.getUser(id)]);
      for (const plain of ['13800138000', '13912345678', '张三丰']) expect(stored).not.toContain(plain);
      const detail = JSON.stringify(await h.ok('clerk', 'get', { id: r.id }, clerk));
      expect(detail).not.toContain('13800138000');
      expect(detail).not.toContain('13912345678');
    });

    it('masks a bare phone that a request stored before sealing still carries in its form', async () => {
      const { id } = await boundResident('303');
      const r = await submit(id, 'raw-phone-old1');
      const stored = (await h.deps.requests.getRequest(r.id))!;
      const old = { ...stored, version: stored.version + 1, form: { ...stored.form, phone: '13800139999' } };
      await h.deps.requests.updateRequest(old, stored.version, []);
      const clerk = await h.login('clerk', { centerId: village.id });
      expect((await h.ok('clerk', 'get', { id: r.id }, clerk)).request.form.phone).toBe('138****9999');
    });

    it('shows the full number only on an explicit reveal by a clerk on the path, and audits it', async () => {
      const { id } = await boundResident('302', '13912340000');
      const r = await submit(id, 'reveal-0001', { ...filledForm(townshipItem), phone: '13800001111' });
      const clerk = await h.login('clerk', { centerId: village.id });
      expect(await h.ok('clerk', 'revealPhone', { id: r.id, field: 'phone' }, clerk)).toEqual({ phone: '13800001111' });
      expect(await h.ok('clerk', 'revealPhone', { id: r.id }, clerk)).toEqual({ phone: '13912340000' });
      const reveals = (await h.deps.requests.timeline(r.id)).filter((e) => e.action === 'revealPhone');
      expect(reveals).toHaveLength(2);
      expect(reveals.every((e) => e.actor.userId === clerk && !JSON.stringify(e).includes('1391234'))).toBe(true);
      const { timeline } = await h.ok('requests', 'get', { id: r.id }, id);
      expect(timeline.map((e: { action: string }) => e.action)).not.toContain('revealPhone');
      const outsider = await h.login('clerk', { centerId: otherTownship });
      expect(await h.call('clerk', 'revealPhone', { id: r.id }, outsider)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await h.call('clerk', 'revealPhone', { id: r.id }, id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe('4: reads of lists were not audited', () => {
    it('leaves one audit entry per list call, with who, when, the query and the ids', async () => {
      h.clock.advanceHours(1);
      const now = h.clock.now().toISOString();
      const { id } = await boundResident('401');
      const r = await submit(id, 'list-audit-01');
      const clerk = await h.login('clerk', { centerId: village.id });
      await h.ok('clerk', 'queue', { queue: 'precheck', pageSize: 50 }, clerk);
      await h.ok('clerk', 'overdue', {}, clerk);
      await h.ok('requests', 'mine', {}, id);
      await h.ok('messages', 'list', {}, id);
      const clerkTrail = (await h.deps.audit.auditByActor(clerk, { page: 1, pageSize: 50 })).items.filter((e) => e.at === now);
      const queueReads = clerkTrail.filter((e) => e.action === 'list.clerk.queue');
      expect(queueReads).toHaveLength(1);
      expect(queueReads[0]).toMatchObject({ centerId: village.id, ids: expect.arrayContaining([r.id]) });
      expect(JSON.parse(queueReads[0].query!)).toEqual({ queue: 'precheck', page: 1, pageSize: 50 });
      expect(clerkTrail.filter((e) => e.action === 'list.clerk.overdue')).toHaveLength(1);
      const residentTrail = (await h.deps.audit.auditByActor(id, { page: 1, pageSize: 50 })).items.map((e) => e.action);
      expect(residentTrail.filter((a) => a === 'list.requests.mine')).toHaveLength(1);
      expect(residentTrail.filter((a) => a === 'list.messages')).toHaveLength(1);
    });
  });

  describe('5: one ID number could be bound to any number of accounts', () => {
    it('refuses a second account with ID_ALREADY_BOUND and says what to do; a clerk unbinds it, audited, and then it binds', async () => {
      const { idNumber } = await boundResident('501');
      const second = await h.login('resident', { villageId: village.id });
      const refused = await h.call('session', 'bindResident', { name: '张三丰', idNumber, phone: '13805370001', homeVillageId: village.id }, second);
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'ID_ALREADY_BOUND', message: '该身份证号已绑定其他微信账号，如需更换请到村居为民服务中心办理' },
      });
      expect((await h.ok('session', 'whoami', {}, second)).user.bound).toBe(false);

      const resident = await h.login('resident', { villageId: village.id });
      expect(await h.call('clerk', 'unbindResident', { idNumber, reason: '本人持身份证到场，原微信号遗失' }, resident)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const clerk = await h.login('clerk', { centerId: village.id });
      const { unbound } = await h.ok('clerk', 'unbindResident', { idNumber, reason: '本人持身份证到场，原微信号遗失' }, clerk);
      expect(unbound.idMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`);
      const trail = (await h.deps.audit.auditByActor(clerk, { page: 1, pageSize: 10 })).items.find((e) => e.action === 'unbindResident');
      expect(trail?.note).toContain('原微信号遗失');
      expect(JSON.stringify(trail)).not.toContain(idNumber);

      const { user } = await h.ok('session', 'bindResident', { name: '张三丰', idNumber, phone: '13805370001', homeVillageId: village.id }, second);
      expect(user.bound).toBe(true);
      expect(await h.call('clerk', 'unbindResident', { idNumber: validIdNumber('19800101', '599'), reason: '无此绑定的测试' }, clerk)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('lets exactly one of several racing binds of one ID number win', async () => {
      const idNumber = validIdNumber('19800101', '502');
      const ids = await Promise.all([1, 2, 3].map(() => h.login('resident', { villageId: village.id })));
      const answers = await Promise.all(
        ids.map((id) => h.call('session', 'bindResident', { name: '李四', idNumber, phone: '13805370002', homeVillageId: village.id }, id)),
      );
      expect(answers.map((a) => (a.ok ? 'ok' : a.error.code)).sort()).toEqual(['ID_ALREADY_BOUND', 'ID_ALREADY_BOUND', 'ok']);
    });
  });

  describe('16: the handoff code was shown before it was used', () => {
    it("appears in no answer for any role until the slip is signed, except on the sending clerk's own slip", async () => {
      const { id: resident } = await boundResident('161');
      let r = await submit(resident, 'slip-code-0001');
      const sender = await h.login('clerk', { centerId: village.id });
      const receiver = await h.login('clerk', { centerId: 'ts-103' });
      const outsider = await h.login('clerk', { centerId: otherTownship });
      const admin = await h.login('admin');
      r = (await h.ok('clerk', 'precheck', { id: r.id, version: r.version }, sender)).request;
      const sent = (
        await h.ok('clerk', 'sendHandoff', { id: r.id, version: r.version, checklist: [{ name: '居民身份证', form: 'paper_copy', count: 1 }] }, sender)
      ).request;
      const code: string = sent.handoffs[0].code;
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      expect(JSON.stringify(await h.ok('clerk', 'get', { id: r.id }, sender))).toContain(code);

      const seen = async () =>
        JSON.stringify([
          await h.call('requests', 'get', { id: r.id }, resident),
          await h.call('requests', 'mine', {}, resident),
          await h.call('messages', 'list', {}, resident),
          await h.call('clerk', 'get', { id: r.id }, receiver),
          await h.call('clerk', 'queue', { queue: 'incoming' }, receiver),
          await h.call('messages', 'list', {}, receiver),
          await h.call('clerk', 'get', { id: r.id }, outsider),
          await h.call('requests', 'get', { id: r.id }, admin),
          await h.call('clerk', 'queue', { queue: 'precheck' }, sender),
          (await h.ok('clerk', 'get', { id: r.id }, sender)).timeline,
        ]);
      expect(await seen()).not.toContain(code);
      const signed = (await h.ok('clerk', 'confirmHandoff', { code }, receiver)).request;
      expect(signed.handoffs[0]).toMatchObject({ state: 'received' });
      expect(JSON.stringify(signed)).not.toContain(code);
    });
  });

  describe('16: timelines written before kept the slip code in their notes', () => {
    it('reads an old note without the code', async () => {
      const { id: resident } = await boundResident('162');
      let r = await submit(resident, 'slip-code-old-1');
      const sender = await h.login('clerk', { centerId: village.id });
      r = (await h.ok('clerk', 'precheck', { id: r.id, version: r.version }, sender)).request;
      const code: string = (
        await h.ok('clerk', 'sendHandoff', { id: r.id, version: r.version, checklist: [{ name: '居民身份证', form: 'paper_copy', count: 1 }] }, sender)
      ).request.handoffs[0].code;
      await h.deps.audit.appendAudit({
        requestId: r.id,
        at: h.clock.now().toISOString(),
        actor: { userId: sender, role: 'clerk', centerId: village.id },
        action: 'sendHandoff',
        centerId: village.id,
        note: `流转单${code}，随件材料1项`,
      });
      const { timeline } = await h.ok('requests', 'get', { id: r.id }, resident);
      expect(JSON.stringify(timeline)).not.toContain(code);
      expect(timeline.map((e: { note?: string }) => e.note)).toContain('流转单，随件材料1项');
    });
  });

  describe('17: full ID numbers typed into a text field were stored and shown in clear', () => {
    const both = items.find(
      (i) => i.formFields.some((f) => f.type === 'idOrCreditCode') && i.audience === 'both' && i.level === 'township' && !i.lists.includes('taiping'),
    )!;

    it('refuses a wrong checksum in an ID-or-credit-code field and keeps a valid one masked and hashed', async () => {
      const { id } = await boundResident('171');
      const form = { ...filledForm(both), certificateNo: '110105194912310021' };
      const bad = await h.call(
        'requests',
        'submit',
        { itemCode: both.code, intakeCenterId: village.id, form, materials: [], idempotencyKey: 'cert-no-bad-01' },
        id,
      );
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { 'form.certificateNo': '身份证号码不正确，请核对后重新输入' } } });
      const idNumber = validIdNumber('19491231', '002');
      const r = await submit(id, 'cert-no-good-1', { ...filledForm(both), certificateNo: idNumber }, both);
      expect(r.form.certificateNo).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`);
      expect((await h.deps.requests.getRequest(r.id))!.formHashes).toEqual({ certificateNo: keyedHash(idNumber, h.deps.secrets.idHash) });
      const credit = await submit(id, 'cert-no-good-2', { ...filledForm(both), certificateNo: '91370883MA3C4K2L15' }, both);
      expect(credit.form.certificateNo).toBe('9137**********2L15');
    });

    it('takes the bound ID and phone where the masked prefill comes back unchanged', async () => {
      const { id, idNumber } = await boundResident('172', '13912347777');
      const me = (await h.ok('session', 'whoami', {}, id)).user;
      const form = { ...filledForm(townshipItem), idNumber: me.idMasked, phone: me.phoneMasked };
      const r = await submit(id, 'prefill-own-01', form);
      expect(r.form).toMatchObject({ idNumber: me.idMasked, phone: me.phoneMasked });
      expect((await h.deps.requests.getRequest(r.id))!.formHashes?.idNumber).toBe(keyedHash(idNumber, h.deps.secrets.idHash));
      const clerk = await h.login('clerk', { centerId: village.id });
      expect(await h.ok('clerk', 'revealPhone', { id: r.id, field: 'phone' }, clerk)).toEqual({ phone: '13912347777' });
      const other = await h.call(
        'requests',
        'submit',
        {
          itemCode: townshipItem.code,
          intakeCenterId: village.id,
          form: { ...form, idNumber: '3708**********0000' },
          materials: [],
          idempotencyKey: 'prefill-own-02',
        },
        id,
      );
      expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    });
  });
});
