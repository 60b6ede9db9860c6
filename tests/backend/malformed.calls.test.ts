/**
 * Bad input, end to end: a generated stream of malformed calls (anything at all, wrong types
 * per field, and valid calls with fields swapped for wrong ones) goes to every action of every
 * function through `dispatch`, as every role, on both stores. Every answer is the envelope with
 * a closed code, never INTERNAL; every message and field message is Chinese (or a closed code
 * the app words) and never repeats what was sent; and a refused call changes nothing stored:
 * not the requests, not the caller's user record, not the company, not the outbox.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { API, type FunctionName } from '../../shared/api.schema';
import { isErrorCode } from '../../shared/errors';
import { isWordedForPeople, messageFor } from '../../shared/messages.zh-CN';
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { malformedFor, nearlyValid, stringsIn, wrong } from '../support/malformed.input';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';

const items = loadSampleItems();
const townshipItem = items.find((i) => i.level === 'township' && i.audience !== 'company' && !i.lists.includes('taiping'))!;
const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '103')!;

const ACTIONS = (Object.keys(API) as FunctionName[]).flatMap((fn) => Object.keys(API[fn].input).map((action) => ({ fn, action })));
const RUNS: Record<StoreKind, number> = { sqlite: Number(process.env.FUZZ_RUNS ?? 100), cloudbase: Number(process.env.FUZZ_RUNS_CLOUDBASE ?? 8) };

type World = { subjects: Record<string, string | null>; request: { id: string; version: number }; code: string };

/** A valid call of each action in the seeded world, the base that fields are swapped out of. */
const validCalls = (w: World): Record<string, Record<string, unknown>> => {
  const target = w.request;
  return {
    'session.whoami': {},
    'session.devLogin': { persona: 'resident', villageId: village.id },
    'session.bindResident': { name: '孙小美', idNumber: validIdNumber('19900303', '303'), phone: '13805373030', homeVillageId: village.id },
    'directory.nearestCenters': { lat: 35.4, lng: 116.96, limit: 3 },
    'directory.listCenters': { townshipCode: '103', kind: 'village', q: '村' },
    'directory.getCenter': { id: 'city', page: 2 },
    'directory.searchItems': { q: '证明', level: 'township' },
    'directory.getItem': { code: townshipItem.code },
    'directory.guide': { itemCode: townshipItem.code, villageId: village.id },
    'directory.listTownships': {},
    'requests.submit': {
      itemCode: townshipItem.code,
      intakeCenterId: village.id,
      form: filledForm(townshipItem),
      materials: [{ name: '居民身份证' }],
      idempotencyKey: 'fuzz-key-0001',
    },
    'requests.mine': { page: 1 },
    'requests.get': { id: target.id },
    'requests.withdraw': { ...target, reason: '不办了' },
    'requests.supplement': { ...target, materials: [{ name: '户口簿' }] },
    'requests.rate': { ...target, level: '满意', comment: '好' },
    'clerk.queue': { queue: 'incoming' },
    'clerk.get': { id: target.id },
    'clerk.precheck': { ...target, note: '齐全' },
    'clerk.accept': target,
    'clerk.reject': { ...target, reasons: '材料不全' },
    'clerk.sendHandoff': { ...target, checklist: [{ name: '居民身份证', form: 'paper_copy', count: 1 }] },
    'clerk.confirmHandoff': { code: w.code },
    'clerk.returnHandoff': { ...target, reason: '缺少原件' },
    'clerk.pause': { ...target, reason: '缺少户口簿原件', missing: ['户口簿'] },
    'clerk.resume': target,
    'clerk.decide': { ...target, outcome: 'approved', reasons: '符合条件' },
    'clerk.deliver': target,
    'clerk.returnCall': { ...target, caller: '王主任', calledAt: '2026-11-30T02:00:00.000Z', note: '已电话回访，群众表示满意', satisfied: true },
    'clerk.overdue': {},
    'clerk.revealPhone': { id: target.id },
    'clerk.unbindResident': { idNumber: validIdNumber('19900303', '303'), reason: '账号丢失' },
    'files.upload': { name: '身份证.jpg', contentType: 'image/jpeg', dataBase64: 'AAAA' },
    'files.tempUrls': { fileIds: ['f-none'] },
    'messages.list': {},
    'messages.markRead': { ids: ['msg-none'] },
    'messages.unread': {},
    'admin.stats': {},
    'admin.rectifications': { late: true },
    'admin.returnCall': { id: target.id, version: target.version, caller: '王科长', calledAt: '2026-09-28T01:00:00.000Z', note: '已回访说明', satisfied: true },
    'admin.exportTable': { title: '办结层级', sheets: [{ name: '按月', header: ['月份', '村级'], rows: [['2026-11', 3]] }] },
    'admin.listSynonyms': {},
    'admin.setSynonyms': { groups: [{ terms: ['户口', '户籍'] }], version: 0 },
    'admin.issuePartnerKey': { name: '12345热线', intake: 'immediate', ratePerMinute: 60 },
    'admin.listPartners': { page: 1 },
    'admin.revokePartnerKey': { id: 'partner-none', version: 1 },
    'session.redeemInvite': { code: 'ABCD2345' },
    'admin.auditLog': { centerId: 'v-001', page: 1 },
    'admin.exportAudit': { centerId: 'v-001' },
    'admin.importCenters': { file: { name: 'centers.csv', dataBase64: Buffer.from('id,kind,name\n', 'utf8').toString('base64') }, dryRun: true },
    'admin.importItems': { file: { name: 'items.csv', dataBase64: Buffer.from('id,kind,name\n', 'utf8').toString('base64') }, dryRun: true },
    'admin.importOffers': { file: { name: 'offers.csv', dataBase64: Buffer.from('id,kind,name\n', 'utf8').toString('base64') }, dryRun: true },
    'admin.listImports': { page: 1 },
    'admin.undoImport': { id: 'import-none' },
    'admin.calendar': {},
    'admin.setCalendarYear': { year: 2099, text: '2099-01-01 休', dryRun: true },
    'admin.createInvite': { grant: { role: 'clerk', centerId: 'v-001' } },
    'admin.listInvites': { page: 1 },
    'admin.revokeInvite': { id: 'invite-none', version: 1 },
    'admin.listPeople': { role: 'clerk', page: 1 },
    'admin.moveRole': { userId: 'u-none', version: 1, centerId: 'v-001' },
    'admin.revokeRole': { userId: 'u-none', version: 1 },
    'admin.demandStats': {},
    'company.claim': { creditCode: CREDIT_CODE, name: '示例科技有限公司', location: { townshipCode: '103' }, licenceFileId: 'f-none' },
    'company.myClaims': {},
    'company.claims': { state: 'pending' },
    'company.verify': { id: 'cl-none', version: 1 },
    'company.refuse': { id: 'cl-none', version: 1, reason: '执照照片不清楚' },
    'company.mine': {},
    'company.switch': { companyId: null },
    'company.home': {},
    'company.members': {},
    'company.invite': { note: '新同事' },
    'company.removeMember': { userId: 'u-none' },
    'company.transferAdmin': { userId: 'u-none' },
    'company.officerCandidates': { companyId: 'co-sample-zone' },
    'company.setOfficer': { companyId: 'co-sample-zone', officerId: 'u-none' },
    'company.centerCompanies': { centerId: 'zone', q: '示例' },
    'demands.raise': { category: '融资', title: '贷款贴息', description: '想了解技改贷款贴息政策' },
    'demands.mine': {},
    'demands.get': { id: 'dm-none' },
    'demands.queue': { queue: 'todo' },
    'demands.acknowledge': { id: 'dm-none', version: 1 },
    'demands.forward': { id: 'dm-none', version: 1, to: 'city', note: '转市级部门' },
    'demands.answer': { id: 'dm-none', version: 1, text: '答复内容' },
    'demands.rate': { id: 'dm-none', version: 1, level: '满意' },
    'demands.returnCall': { id: 'dm-none', version: 1, note: '已电话回访' },
    'bookings.slots': { centerId: 'ts-103', from: '2026-09-29', days: 3 },
    'bookings.book': { slotId: 'ts-103~2026-09-29~0900', itemCode: townshipItem.code },
    'bookings.mine': { page: 1 },
    'bookings.get': { id: 'bk-none' },
    'bookings.cancel': { id: 'bk-none', version: 1 },
    'bookings.day': { date: '2026-09-29' },
    'bookings.checkIn': { code: 'ABC234' },
    'bookings.noShow': { id: 'bk-none', version: 1 },
    'bookings.getSchedule': {},
    'bookings.setSchedule': { week: [[{ start: '09:00', end: '12:00', capacity: 5 }], [], [], [], []], exceptions: [{ date: '2026-10-08', periods: [] }] },
    'certify.importRoster': { file: { name: 'roster.csv', dataBase64: Buffer.from('身份证号,姓名\n', 'utf8').toString('base64') }, dryRun: true },
    'certify.importEvidence': { file: { name: 'evidence.csv', dataBase64: Buffer.from('身份证号,来源,日期\n', 'utf8').toString('base64') }, dryRun: true },
    'certify.runPass': {},
    'certify.stats': {},
    'certify.flagged': { schemeCode: 'pension', page: 1 },
    'certify.exportFlagged': { schemeCode: 'elderly' },
    'certify.queue': { page: 1 },
    'certify.record': { id: 'pension~none', version: 1, result: 'ineligible', reason: 'moved', note: '迁往济宁' },
    'certify.mine': {},
  };
};

const CREDIT_CODE = '91350100M000100Y43';

/** What a refused call must leave as it was (the company is the one a fuzzed claim names the valid code of). */
const snapshot = async (h: Harness, subject: string | null) =>
  JSON.stringify({
    requests: await h.deps.requests.listRequests({}, { page: 1, pageSize: 100 }),
    user: subject ? await h.deps.users.getUser(subject) : null,
    company: await h.deps.users.findCompanyByCreditCode(CREDIT_CODE),
    outbox: await h.deps.outbox.listOutbox({}, { page: 1, pageSize: 100 }),
    bookings: await h.deps.bookings.listBookings({}, { page: 1, pageSize: 100 }),
    schedule: await h.deps.bookings.getBookingSchedule('ts-103'),
  });

/** The problems of one answer, as readable lines; none is the rule. */
const problemsOf = (answer: unknown, sent: unknown): string[] => {
  const env = answer as { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } };
  if (env.ok === true) return [];
  const e = env.error;
  if (!e || !isErrorCode(e.code)) return [`not the envelope: ${JSON.stringify(answer).slice(0, 200)}`];
  const own = stringsIn(sent);
  const problems = e.code === 'INTERNAL' ? ['INTERNAL'] : [];
  if (e.message !== messageFor(e.code)) problems.push(`message is not the table's: ${e.message}`);
  for (const [path, m] of Object.entries(e.fields ?? {})) {
    if (isErrorCode(m)) continue; // a closed code, which the app words from the same table
    if (!isWordedForPeople(m)) problems.push(`${path}: not Chinese: ${m}`);
    for (const s of own) if (m.includes(s)) problems.push(`${path}: echoes the input ${JSON.stringify(s)}: ${m}`);
  }
  for (const s of own) if (e.message.includes(s)) problems.push(`message echoes the input ${JSON.stringify(s)}`);
  return problems;
};

describe.each<StoreKind>(['sqlite', 'cloudbase'])('malformed calls to every action on the %s store', (kind) => {
  let h: Harness;
  let world: World;
  beforeAll(async () => {
    h = await makeHarness(kind);
    const resident = await h.login('resident', { villageId: village.id });
    await h.ok('session', 'bindResident', { name: '张三丰', idNumber: validIdNumber(), phone: '13805371234', homeVillageId: village.id }, resident);
    const villageClerk = await h.login('clerk', { centerId: village.id });
    let r = (
      await h.ok(
        'requests',
        'submit',
        { itemCode: townshipItem.code, intakeCenterId: village.id, form: filledForm(townshipItem), materials: [], idempotencyKey: 'fuzz-seed-0001' },
        resident,
      )
    ).request;
    r = (await h.ok('clerk', 'precheck', { id: r.id, version: r.version }, villageClerk)).request;
    r = (await h.ok('clerk', 'sendHandoff', { id: r.id, version: r.version, checklist: [{ name: '居民身份证', form: 'paper_copy', count: 1 }] }, villageClerk))
      .request;
    const subjects = {
      anonymous: null,
      resident,
      newcomer: await h.login('resident', { villageId: village.id }),
      villageClerk,
      townshipClerk: await h.login('clerk', { centerId: 'ts-103' }),
      company: await h.login('company'),
      admin: await h.login('admin'),
    };
    world = { subjects, request: { id: r.id, version: r.version }, code: r.handoffs[0].code };
  }, 180_000);
  afterAll(() => h.close());

  it.each(ACTIONS.map(({ fn, action }) => [`${fn}.${action}`, fn, action] as const))(
    '%s answers every malformed call in coded Chinese, never INTERNAL, and a refusal changes nothing',
    async (name, fn, action) => {
      const schema = (API[fn].input as Record<string, z.core.$ZodType>)[action];
      const valid = validCalls(world)[name];
      expect(valid).toBeDefined(); // a new action needs its valid call above
      const roles = fc.constantFrom(...Object.keys(world.subjects));
      const input = fc.oneof(fc.anything(), wrong, malformedFor(schema), nearlyValid(schema, valid), nearlyValid(schema, valid));
      await fc.assert(
        fc.asyncProperty(roles, input, async (role, data) => {
          const subject = world.subjects[role];
          const before = await snapshot(h, subject);
          const answer = await h.call(fn, action, data, subject);
          expect(problemsOf(answer, data)).toEqual([]);
          if (!answer.ok) expect(await snapshot(h, subject)).toBe(before);
        }),
        { numRuns: RUNS[kind] },
      );
    },
  );

  it('the checks themselves catch English, an echo and INTERNAL', () => {
    expect(
      problemsOf(
        {
          ok: false,
          error: { code: 'VALIDATION_FAILED', message: messageFor('VALIDATION_FAILED'), fields: { name: 'Too big: expected string to have <=30 characters' } },
        },
        {},
      ),
    ).toHaveLength(1);
    expect(
      problemsOf(
        { ok: false, error: { code: 'VALIDATION_FAILED', message: messageFor('VALIDATION_FAILED'), fields: { villageId: '村居王小明不存在' } } },
        { villageId: '王小明' },
      ),
    ).toHaveLength(1);
    expect(problemsOf({ ok: false, error: { code: 'INTERNAL', message: messageFor('INTERNAL') } }, {})).toEqual(['INTERNAL']);
  });
});
