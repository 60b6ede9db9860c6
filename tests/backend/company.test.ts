/**
 * The company side on both stores: a claim is checked by the clerk of the company's home
 * center, members join by invitation, and a demand goes to the 企业管家, is forwarded, answered,
 * rated and reopened, with its terms in working days.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { boundResident, claimAs, creditCode, invitedClerk, licencePhoto, staffMember, verifiedCompany } from '../support/company.people';
import { cn } from '../support/clock';
import { noticeOverdueDemands } from '../../cloudfunctions/scheduler/demand.overdue';

const MONDAY = cn('2026-09-28T09:00:00');
const RAISE = { category: '融资', title: '申请贷款贴息', description: '我公司想了解技改贷款贴息政策和申报材料' };

describe.each<StoreKind>(['sqlite', 'cloudbase'])('companies and demands on the %s store', (kind) => {
  // one seeded store per kind (seeding over the fake's wire is the slow part); every test makes its own companies
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness(kind, MONDAY);
  });
  beforeEach(() => h.clock.set(MONDAY));
  afterAll(() => h.close());

  describe('claims', () => {
    it('a wrong checksum, an unbound claimant, another person’s photo and a second pending claim are refused with their codes', async () => {
      const owner = await boundResident(h);
      const photo = await licencePhoto(h, owner);
      const base = { creditCode: creditCode(1), name: '示例企业有限公司', location: 'zone', licenceFileId: photo };
      const badCode = creditCode(1).slice(0, 17) + (creditCode(1).endsWith('0') ? '1' : '0');
      expect(await h.call('company', 'claim', { ...base, creditCode: badCode }, owner)).toMatchObject({ ok: false, error: { code: 'INVALID_CREDIT_CODE' } });
      const unbound = await h.login('resident', { villageId: 'v-001-001' });
      expect(await h.call('company', 'claim', { ...base, licenceFileId: await licencePhoto(h, unbound) }, unbound)).toMatchObject({
        error: { code: 'NOT_BOUND' },
      });
      const other = await boundResident(h);
      expect(await h.call('company', 'claim', base, other)).toMatchObject({
        error: { code: 'VALIDATION_FAILED', fields: { licenceFileId: expect.any(String) } },
      });
      await h.ok('company', 'claim', base, owner);
      const again = await h.call('company', 'claim', { ...base, licenceFileId: await licencePhoto(h, owner) }, owner);
      expect(again).toMatchObject({ ok: false, error: { code: 'CLAIM_PENDING', message: expect.stringContaining('等待核验') } });
      expect(await h.call('company', 'claim', base, null)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    });

    it('a zone claim waits in the zone branch’s queue; verifying one refuses the others and makes the claimant the administrator', async () => {
      const [a, b] = [await boundResident(h), await boundResident(h)];
      const input = { creditCode: creditCode(2), name: '开发区示例材料有限公司', location: 'zone' as const };
      const first = await claimAs(h, a, input);
      h.clock.advanceHours(1);
      const second = await claimAs(h, b, input);
      expect(first).toMatchObject({ state: 'pending', centerId: 'zone', centerName: expect.stringContaining('开发区') });
      const township = await h.login('clerk', { centerId: 'ts-001' });
      expect((await h.ok('company', 'claims', {}, township)).items.map((c: { id: string }) => c.id)).not.toContain(first.id);
      expect(await h.call('company', 'verify', { id: first.id, version: 1 }, township)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const zone = await h.login('clerk', { centerId: 'zone' });
      const queue = await h.ok('company', 'claims', { pageSize: 100 }, zone);
      const ids = queue.items.map((c: { id: string }) => c.id);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id)); // oldest first
      // the clerk checking it sees the licence photo; a clerk elsewhere does not
      expect(Object.keys((await h.ok('files', 'tempUrls', { fileIds: [first.licenceFileId] }, zone)).urls)).toEqual([first.licenceFileId]);
      expect((await h.ok('files', 'tempUrls', { fileIds: [first.licenceFileId] }, township)).urls).toEqual({});
      const { claim, company } = await h.ok('company', 'verify', { id: first.id, version: 1 }, zone);
      expect(claim.state).toBe('verified');
      expect(company).toMatchObject({ name: input.name, locationName: '经济开发区', officer: { userId: zone, centerId: 'zone' } });
      const theirs = await h.ok('company', 'myClaims', {}, b);
      expect(theirs.items[0]).toMatchObject({ state: 'refused', reason: expect.stringContaining('另一份') });
      expect(await h.call('company', 'verify', { id: second.id, version: 2 }, zone)).toMatchObject({ error: { code: 'CLAIM_NOT_PENDING' } });
      expect((await h.ok('company', 'mine', {}, a)).items).toEqual([expect.objectContaining({ role: 'admin', acting: false })]);
      // a verified company with members cannot be claimed again: its administrator invites instead
      const c = await boundResident(h);
      expect(await h.call('company', 'claim', { ...input, licenceFileId: await licencePhoto(h, c) }, c)).toMatchObject({
        error: { code: 'COMPANY_ALREADY_BOUND' },
      });
      expect((await h.ok('messages', 'list', {}, a)).items.map((m: { title: string }) => m.title)).toContain('企业认领已通过');
    });

    it('a refused claim carries its reason, and its claimant may claim again', async () => {
      const a = await boundResident(h);
      const input = { creditCode: creditCode(3), name: '钢山示例服务有限公司', location: { townshipCode: '001' } };
      const claim = await claimAs(h, a, input);
      const clerk = await h.login('clerk', { centerId: 'ts-001' });
      const refused = (await h.ok('company', 'refuse', { id: claim.id, version: 1, reason: '执照照片看不清' }, clerk)).claim;
      expect(refused).toMatchObject({ state: 'refused', reason: '执照照片看不清' });
      expect(await h.call('company', 'verify', { id: claim.id, version: 2 }, clerk)).toMatchObject({ error: { code: 'CLAIM_NOT_PENDING' } });
      expect((await claimAs(h, a, input)).state).toBe('pending');
    });
  });

  describe('members', () => {
    it('the administrator invites a staff member, who joins with the code; lists, hands over the role and removes', async () => {
      const { owner, companyId } = await verifiedCompany(h, 10);
      const staff = await staffMember(h, owner);
      expect((await h.ok('session', 'whoami', {}, staff)).user).toMatchObject({ role: 'company', companyId });
      const members = (await h.ok('company', 'members', {}, staff)).items;
      expect(members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
        [owner, 'admin'],
        [staff, 'staff'],
      ]);
      expect(await h.call('company', 'invite', {}, staff)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await h.call('company', 'removeMember', { userId: owner }, owner)).toMatchObject({ error: { code: 'OWN_ROLE' } });
      await h.ok('company', 'transferAdmin', { userId: staff }, owner);
      expect((await h.ok('company', 'home', {}, staff)).role).toBe('admin');
      await h.ok('company', 'removeMember', { userId: owner }, staff);
      // the removed member acts for the company no more, from their next call
      expect(await h.call('company', 'home', {}, owner)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await h.ok('session', 'whoami', {}, owner)).user.role).toBe('resident');
    });

    it('a person in two companies switches between them, and back to themselves', async () => {
      const one = await verifiedCompany(h, 11);
      const two = await verifiedCompany(h, 12, { townshipCode: '103' });
      const { code } = await h.ok('company', 'invite', {}, two.owner);
      h.clock.advanceHours(1);
      await h.ok('session', 'redeemInvite', { code }, one.owner);
      expect((await h.ok('company', 'home', {}, one.owner)).company.id).toBe(two.companyId);
      expect(await h.call('session', 'redeemInvite', { code }, one.owner)).toMatchObject({ error: { code: 'INVITE_USED' } });
      await h.ok('company', 'switch', { companyId: one.companyId }, one.owner);
      expect((await h.ok('company', 'home', {}, one.owner)).company.id).toBe(one.companyId);
      expect((await h.ok('company', 'mine', {}, one.owner)).items.map((m: { acting: boolean }) => m.acting)).toEqual([true, false]);
      await h.ok('company', 'switch', { companyId: null }, one.owner);
      expect((await h.ok('session', 'whoami', {}, one.owner)).user.role).toBe('resident');
      expect(await h.call('company', 'switch', { companyId: 'co-sample-zone' }, one.owner)).toMatchObject({ error: { code: 'MEMBER_NOT_FOUND' } });
    });

    it('the 企业管家 is a clerk of the home center, chosen by the company’s administrator or the township', async () => {
      const { owner, companyId } = await verifiedCompany(h, 13, { townshipCode: '103' });
      const other = await h.login('clerk', { centerId: 'ts-103' });
      expect((await h.ok('company', 'officerCandidates', {}, owner)).items.map((p: { id: string }) => p.id)).toContain(other);
      const village = await h.login('clerk', { centerId: 'v-103-001' });
      expect(await h.call('company', 'setOfficer', { officerId: village }, owner)).toMatchObject({ error: { code: 'OFFICER_NOT_CLERK' } });
      expect((await h.ok('company', 'setOfficer', { officerId: other }, owner)).company.officer.userId).toBe(other);
      expect(await h.call('company', 'setOfficer', { companyId, officerId: other }, village)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await h.ok('company', 'setOfficer', { companyId, officerId: other }, other)).company.officer.assignedBy).toBe(other);
    });
  });

  describe('the home center chooses the 企业管家', () => {
    type Listed = { id: string; version: number; name: string; officer?: { userId: string; nameMasked?: string }; verifiedAt?: string };
    const listed = async (subject: string, data: Record<string, unknown> = {}) =>
      (await h.ok('company', 'centerCompanies', { pageSize: 100, ...data }, subject)) as { items: Listed[]; total: number };

    it('a home center lists its verified companies with their officer, by name, paged and audited; others list nothing of it', async () => {
      const a = await verifiedCompany(h, 40);
      h.clock.set(cn('2026-09-28T10:00:00'));
      const b = await verifiedCompany(h, 41);
      const town = await verifiedCompany(h, 42, { townshipCode: '104' });
      const pending = await claimAs(h, await boundResident(h), { creditCode: creditCode(43), name: '待核验示例43有限公司', location: 'zone' });
      const zone = await listed(a.clerk);
      const ids = zone.items.map((c) => c.id);
      // the latest verified first; a claim still pending is no company yet
      expect(ids.indexOf(b.companyId)).toBeLessThan(ids.indexOf(a.companyId));
      expect(ids).not.toContain(town.companyId);
      expect(zone.items.map((c) => c.name)).not.toContain(pending.name);
      expect(zone.items.find((c) => c.id === a.companyId)).toMatchObject({
        name: '示例企业40有限公司',
        locationName: '经济开发区',
        officer: { userId: a.clerk, centerId: 'zone', centerName: expect.stringContaining('开发区') },
        verifiedAt: expect.any(String),
      });
      expect((await listed(a.clerk, { q: '示例企业41' })).items.map((c) => c.id)).toEqual([b.companyId]);
      const onePage = await h.ok('company', 'centerCompanies', { pageSize: 1 }, a.clerk);
      expect(onePage).toMatchObject({ total: zone.total, page: 1, pageSize: 1 });
      expect(onePage.items).toHaveLength(1);
      expect((await listed(town.clerk)).items.map((c) => c.id)).toContain(town.companyId);
      // a village, the city: no company's home
      expect(await listed(await h.login('clerk', { centerId: 'v-104-001' }))).toMatchObject({ items: [], total: 0 });
      expect(await listed(await h.login('clerk', { centerId: 'city' }))).toMatchObject({ items: [], total: 0 });
      // a clerk asks for their own center only; the administrator names one
      expect(await h.call('company', 'centerCompanies', { centerId: 'ts-104' }, a.clerk)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const admin = await h.login('admin');
      expect((await listed(admin, { centerId: 'ts-104' })).items.map((c) => c.id)).toContain(town.companyId);
      expect(await h.call('company', 'centerCompanies', {}, admin)).toMatchObject({
        error: { code: 'VALIDATION_FAILED', fields: { centerId: expect.any(String) } },
      });
      expect(await h.call('company', 'centerCompanies', { centerId: 'ts-none' }, admin)).toMatchObject({ error: { code: 'CENTER_NOT_FOUND' } });
      expect(await h.call('company', 'centerCompanies', {}, a.owner)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const audit = await h.deps.audit.auditByActor(a.clerk, { page: 1, pageSize: 100 });
      expect(audit.items.filter((e) => e.action === 'read.companies').map((e) => e.ids)).toContainEqual(expect.arrayContaining([a.companyId, b.companyId]));
    });

    it('a clerk of the home center chooses another clerk of it; the company home shows the new officer; a stale choice is CONFLICT', async () => {
      const { owner, clerk, companyId } = await verifiedCompany(h, 44);
      const second = await invitedClerk(h, 'zone');
      const candidates = (await h.ok('company', 'officerCandidates', { companyId }, clerk)).items;
      expect(candidates.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([clerk, second]));
      const seen = (await listed(clerk)).items.find((c) => c.id === companyId)!;
      const off = await h.login('clerk', { centerId: 'ts-001' });
      expect(await h.call('company', 'setOfficer', { companyId, officerId: off, version: 1 }, clerk)).toMatchObject({
        error: { code: 'OFFICER_NOT_CLERK', message: expect.stringContaining('企业管家') },
      });
      const { company } = await h.ok('company', 'setOfficer', { companyId, officerId: second, version: seen.version }, clerk);
      expect(company.officer).toMatchObject({ userId: second, assignedBy: clerk, centerId: 'zone' });
      expect((await h.ok('company', 'home', {}, owner)).company.officer.userId).toBe(second);
      expect((await listed(clerk)).items.find((c) => c.id === companyId)?.officer?.userId).toBe(second);
      // another clerk chose meanwhile: the list the first clerk saw is stale
      expect(await h.call('company', 'setOfficer', { companyId, officerId: clerk, version: company.version - 1 }, second)).toMatchObject({
        error: { code: 'CONFLICT', message: expect.stringContaining('刷新') },
      });
      expect((await h.ok('company', 'home', {}, owner)).company.officer.userId).toBe(second);
    });
    it('naming a new officer tells their center in the same write: the chosen clerk’s messages name the company and who chose', async () => {
      type Message = { kind: string; title: string; body: string };
      const messages = async (subject: string) => (await h.ok('messages', 'list', { pageSize: 100 }, subject)).items as Message[];
      const about = (items: Message[], n: number) => items.filter((m) => m.kind === 'company.officer' && m.body.includes(`示例企业${n}有限公司`));
      const { owner, clerk, companyId } = await verifiedCompany(h, 45);
      const second = await invitedClerk(h, 'zone');
      const [first, chosen] = [(await h.deps.users.getUser(clerk))!, (await h.deps.users.getUser(second))!];
      expect(about(await messages(second), 45)).toEqual([]);
      await h.ok('company', 'setOfficer', { officerId: second }, owner);
      const told = about(await messages(second), 45);
      expect(told).toEqual(
        [
          {
            kind: 'company.officer',
            title: `代办员${chosen.nameMasked ?? ''}被指定为企业管家`,
            body: `示例企业45有限公司（${creditCode(45)}）的企业管家由企业管理员指定为代办员${chosen.nameMasked ?? ''}，企业诉求将首先交给企业管家。代办员${first.nameMasked ?? ''}不再担任。`,
          },
        ].map((m) => expect.objectContaining(m)),
      );
      // the previous officer, of the same center, reads the same notice; the company is not told
      expect(about(await messages(clerk), 45)).toHaveLength(1);
      expect(about(await messages(owner), 45)).toEqual([]);
      // the same clerk again tells no one; a stale choice writes neither the officer nor a notice
      const { company } = await h.ok('company', 'setOfficer', { companyId, officerId: second }, clerk);
      expect(about(await messages(second), 45)).toHaveLength(1);
      expect(await h.call('company', 'setOfficer', { companyId, officerId: clerk, version: company.version - 1 }, second)).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      expect(about(await messages(second), 45)).toHaveLength(1);
      h.clock.advanceHours(1);
      await h.ok('company', 'setOfficer', { companyId, officerId: clerk, version: company.version }, second);
      expect(about(await messages(clerk), 45).map((m) => m.title)).toEqual([`代办员${first.nameMasked ?? ''}被指定为企业管家`, told[0].title]);
    });
  });

  describe('demands', () => {
    it('a demand goes to the officer, is acknowledged, forwarded to the city, answered there, rated badly, reopened and called back', async () => {
      const { owner, clerk } = await verifiedCompany(h, 20);
      const staff = await staffMember(h, owner);
      const { demand } = await h.ok('demands', 'raise', RAISE, staff);
      expect(demand).toMatchObject({ state: 'raised', officerCenterId: 'zone', officerId: clerk, holderCenterId: 'zone' });
      // raised Monday 09:00: acknowledged by the end of Tuesday; answered within 5 working days,
      // 国庆 (10-01 to 10-07) not counted: 9-29, 9-30, 10-08, 10-09 and Saturday 10-10, a make-up working day
      expect(demand.ackDueAt).toBe(cn('2026-09-29T23:59:59.999'));
      expect(demand.answerDueAt).toBe(cn('2026-10-10T23:59:59.999'));
      expect((await h.ok('demands', 'queue', { pageSize: 100 }, clerk)).items.map((d: { id: string }) => d.id)).toContain(demand.id);
      const ack = (await h.ok('demands', 'acknowledge', { id: demand.id, version: 1 }, clerk)).demand;
      const fwd = (await h.ok('demands', 'forward', { id: demand.id, version: ack.version, to: 'city', note: '涉及市级贴息政策' }, clerk)).demand;
      expect(fwd).toMatchObject({ state: 'forwarded', holderCenterId: 'city', path: ['zone', 'city'] });
      expect((await h.ok('demands', 'queue', { queue: 'watching', pageSize: 100 }, clerk)).items.map((d: { id: string }) => d.id)).toContain(demand.id);
      expect(await h.call('demands', 'answer', { id: demand.id, version: fwd.version, text: '可以申报' }, clerk)).toMatchObject({
        error: { code: 'NOT_HOLDER' },
      });
      const city = await h.login('clerk', { centerId: 'city' });
      const answered = (await h.ok('demands', 'answer', { id: demand.id, version: fwd.version, text: '符合技改贷款贴息条件，请于月底前申报' }, city)).demand;
      expect(answered.answer).toMatchObject({ centerId: 'city' });
      const reopened = (await h.ok('demands', 'rate', { id: demand.id, version: answered.version, level: '不满意', comment: '没说清楚材料' }, owner)).demand;
      expect(reopened).toMatchObject({ state: 'reopened', holderCenterId: 'zone', reopens: 1, rating: { level: '不满意' } });
      const called = (await h.ok('demands', 'returnCall', { id: demand.id, version: reopened.version, note: '已电话回访，补充材料清单' }, clerk)).demand;
      expect(called.returnCall).toMatchObject({ by: clerk });
      const again = (await h.ok('demands', 'answer', { id: demand.id, version: called.version, text: '材料清单：申请表、贷款合同' }, clerk)).demand;
      const closed = (await h.ok('demands', 'rate', { id: demand.id, version: again.version, level: '满意' }, staff)).demand;
      expect(closed.state).toBe('closed');
      expect(closed.events.map((e: { action: string }) => e.action)).toEqual([
        'raise',
        'acknowledge',
        'forward',
        'answer',
        'rate',
        'returnCall',
        'answer',
        'rate',
      ]);
      const notes = (await h.ok('messages', 'list', {}, staff)).items.map((m: { title: string }) => m.title);
      expect(notes).toEqual(expect.arrayContaining(['诉求已提交', '诉求已受理', '诉求已转办', '诉求已答复', '诉求已重新办理', '企业管家已回访']));
    });

    it('two clerks acknowledging at once: one succeeds, the other gets CONFLICT', async () => {
      const { owner, clerk } = await verifiedCompany(h, 21);
      const { demand } = await h.ok('demands', 'raise', RAISE, owner);
      const answers = await Promise.all([1, 2].map(() => h.call('demands', 'acknowledge', { id: demand.id, version: 1 }, clerk)));
      expect(answers.map((a) => (a.ok ? 'OK' : a.error.code)).sort()).toEqual(['CONFLICT', 'OK']);
    });

    it('a demand past its term is flagged for the officer, the handling center and the company', async () => {
      const { owner, clerk } = await verifiedCompany(h, 22);
      const { demand } = await h.ok('demands', 'raise', RAISE, owner);
      h.clock.set(cn('2026-09-30T09:00:00'));
      const overdueIds = async () => (await h.ok('demands', 'queue', { queue: 'overdue', pageSize: 100 }, clerk)).items.map((d: { id: string }) => d.id);
      expect((await h.ok('demands', 'get', { id: demand.id }, clerk)).demand.overdue).toEqual({ ack: true, answer: false });
      expect(await overdueIds()).toContain(demand.id);
      expect((await h.ok('company', 'home', {}, owner)).overdueDemands).toBe(1);
      // the scheduler tells the officer's center once per term
      await noticeOverdueDemands(h.deps);
      await noticeOverdueDemands(h.deps);
      const told = (await h.deps.outbox.listOutbox({ centerId: 'zone' }, { page: 1, pageSize: 100 })).items.filter(
        (m) => m.demandId === demand.id && m.kind === 'demand.overdue',
      );
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain('未确认受理');
      await h.ok('demands', 'acknowledge', { id: demand.id, version: 2 }, clerk);
      expect(await overdueIds()).not.toContain(demand.id);
      h.clock.set(cn('2026-10-12T09:00:00'));
      expect((await h.ok('demands', 'get', { id: demand.id }, owner)).demand.overdue).toEqual({ ack: false, answer: true });
    });

    it('the administrator’s indicators count demands by category and township, the median times and satisfaction', async () => {
      const { owner, clerk } = await verifiedCompany(h, 23);
      const since = cn('2026-11-02T09:00:00');
      h.clock.set(since);
      const { demand } = await h.ok('demands', 'raise', RAISE, owner);
      await h.ok('demands', 'raise', { ...RAISE, category: '用工' }, owner);
      h.clock.advanceHours(2);
      const ack = (await h.ok('demands', 'acknowledge', { id: demand.id, version: 1 }, clerk)).demand;
      h.clock.advanceHours(4);
      const answered = (await h.ok('demands', 'answer', { id: demand.id, version: ack.version, text: '已答复政策' }, clerk)).demand;
      await h.ok('demands', 'rate', { id: demand.id, version: answered.version, level: '非常满意' }, owner);
      const admin = await h.login('admin');
      const { stats } = await h.ok('admin', 'demandStats', { from: since }, admin);
      expect(stats).toMatchObject({ total: 2, medianAckHours: 2, medianAnswerHours: 6, satisfaction: { rated: 1, good: 1, share: 1 } });
      expect(stats.byTownship).toEqual([{ code: 'zone', name: '经济开发区', count: 2 }]);
      expect(stats.byCategory.find((c: { category: string }) => c.category === '融资').count).toBe(1);
      expect(await h.call('admin', 'demandStats', {}, owner)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });
  });
});

describe('demand terms from the configuration', () => {
  it('ZC_DEMAND_ACK_DAYS and ZC_DEMAND_ANSWER_DAYS set the working days', async () => {
    const h = await makeHarness('sqlite', cn('2026-09-28T09:00:00'), { demandLimits: { ackDays: 2, answerDays: 3 } });
    const { owner } = await verifiedCompany(h, 30);
    const { demand } = await h.ok('demands', 'raise', RAISE, owner);
    expect([demand.ackDueAt, demand.answerDueAt]).toEqual([cn('2026-09-30T23:59:59.999'), cn('2026-10-08T23:59:59.999')]);
    await h.close();
  });
});
