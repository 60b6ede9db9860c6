/**
 * The access matrix of the company side: every action of `company`, `demands` and
 * admin.demandStats against every role, on both stores. Company A is in the development zone
 * (its 企业管家 is the zone branch's clerk); company B is in 钢山街道. A fresh demand of A
 * (raised, with the officer) or a fresh claim on a zone company backs every pair.
 * A refused call leaves the demand at its version.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { boundResident, claimAs, creditCode, licencePhoto, staffMember, verifiedCompany } from '../support/company.people';

type Persona = 'anonymous' | 'resident' | 'companyAdmin' | 'companyStaff' | 'otherCompany' | 'officer' | 'clerkOffPath' | 'cityClerk' | 'admin';
const PERSONAS: Persona[] = ['anonymous', 'resident', 'companyAdmin', 'companyStaff', 'otherCompany', 'officer', 'clerkOffPath', 'cityClerk', 'admin'];
type Expect = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'LIFECYCLE' | 'MEMBER_NOT_FOUND' | 'OWN_ROLE' | 'OFFICER_NOT_CLERK';
const LIFECYCLE_CODES = ['ILLEGAL_TRANSITION', 'NOT_HOLDER', 'RATING_NOT_OPEN'];

type World = { s: Record<Persona, string | null>; companyA: string };
type Target = { demand: { id: string; version: number }; claim: { id: string; version: number } };
type Call = (w: World, t: Target, subject: string | null) => Promise<[string, string, unknown]>;

let codes = 100;
const RAISE = { category: '用工', title: '招工难', description: '春节后用工缺口较大，希望协助对接' };
const members: Persona[] = ['companyAdmin', 'companyStaff'];
const companies: Persona[] = [...members, 'otherCompany'];
const people: Persona[] = ['resident', ...companies];
const clerks: Persona[] = ['officer', 'clerkOffPath', 'cityClerk'];
const only = (ok: Persona[], other: Partial<Record<Persona, Expect>> = {}) => Object.fromEntries([...ok.map((p) => [p, 'OK']), ...Object.entries(other)]);

/** Each action: how to call it, and what each persona gets (FORBIDDEN unless named; UNAUTHENTICATED when anonymous). */
const ACTIONS: Record<string, { call: Call; want: Partial<Record<Persona, Expect>> }> = {
  'demands.raise': { call: async () => ['demands', 'raise', RAISE], want: only(companies) },
  'demands.mine': { call: async () => ['demands', 'mine', {}], want: only(companies) },
  'demands.get': { call: async (_w, t) => ['demands', 'get', { id: t.demand.id }], want: only([...members, 'officer', 'admin']) },
  'demands.queue': { call: async () => ['demands', 'queue', { queue: 'todo' }], want: only(clerks) },
  'demands.acknowledge': { call: async (_w, t) => ['demands', 'acknowledge', t.demand], want: only(['officer']) },
  'demands.forward': { call: async (_w, t) => ['demands', 'forward', { ...t.demand, to: 'city', note: '转市级' }], want: { officer: 'LIFECYCLE' } },
  'demands.answer': { call: async (_w, t) => ['demands', 'answer', { ...t.demand, text: '答复内容' }], want: { officer: 'LIFECYCLE' } },
  'demands.rate': {
    call: async (_w, t) => ['demands', 'rate', { ...t.demand, level: '满意' }],
    want: { companyAdmin: 'LIFECYCLE', companyStaff: 'LIFECYCLE' },
  },
  'demands.returnCall': { call: async (_w, t) => ['demands', 'returnCall', { ...t.demand, note: '已回访' }], want: { officer: 'LIFECYCLE' } },
  'company.claim': {
    call: async (_w, _t, subject) => [
      'company',
      'claim',
      { creditCode: creditCode(codes++), name: '矩阵示例有限公司', location: 'zone', licenceFileId: subject ? await licencePhotoOf(subject) : 'f-none' },
    ],
    want: only(people),
  },
  'company.myClaims': { call: async () => ['company', 'myClaims', {}], want: only(people) },
  'company.claims': { call: async () => ['company', 'claims', {}], want: only(clerks) },
  'company.verify': { call: async (_w, t) => ['company', 'verify', t.claim], want: only(['officer']) },
  'company.refuse': { call: async (_w, t) => ['company', 'refuse', { ...t.claim, reason: '执照不清楚' }], want: only(['officer']) },
  'company.mine': { call: async () => ['company', 'mine', {}], want: only(people) },
  'company.switch': {
    call: async (w) => ['company', 'switch', { companyId: w.companyA }],
    want: only(members, { resident: 'MEMBER_NOT_FOUND', otherCompany: 'MEMBER_NOT_FOUND' }),
  },
  'company.home': { call: async () => ['company', 'home', {}], want: only(companies) },
  'company.members': { call: async () => ['company', 'members', {}], want: only(companies) },
  'company.invite': { call: async () => ['company', 'invite', {}], want: only(['companyAdmin', 'otherCompany']) },
  'company.removeMember': {
    call: async (w) => ['company', 'removeMember', { userId: w.s.companyAdmin }],
    want: { companyAdmin: 'OWN_ROLE', otherCompany: 'MEMBER_NOT_FOUND' },
  },
  'company.transferAdmin': {
    call: async (w) => ['company', 'transferAdmin', { userId: w.s.companyAdmin }],
    want: { companyAdmin: 'OWN_ROLE', otherCompany: 'MEMBER_NOT_FOUND' },
  },
  // a company member always asks about their own company (B for otherCompany), whatever id they send
  'company.officerCandidates': {
    call: async (w) => ['company', 'officerCandidates', { companyId: w.companyA }],
    want: only(['companyAdmin', 'otherCompany', 'officer', 'admin']),
  },
  'company.setOfficer': {
    call: async (w) => ['company', 'setOfficer', { companyId: w.companyA, officerId: w.s.officer }],
    want: only(['companyAdmin', 'officer', 'admin'], { otherCompany: 'OFFICER_NOT_CLERK' }),
  },
  // a clerk lists their own center's companies only; the administrator names the center
  'company.centerCompanies': { call: async () => ['company', 'centerCompanies', { centerId: 'zone' }], want: only(['officer', 'admin']) },
  'admin.demandStats': { call: async () => ['admin', 'demandStats', {}], want: only(['admin']) },
};

let licencePhotoOf: (subject: string) => Promise<string>;

describe.each<StoreKind>(['sqlite', 'cloudbase'])('the company access matrix on the %s store', (kind) => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await makeHarness(kind);
    licencePhotoOf = (subject) => licencePhoto(h, subject);
    const a = await verifiedCompany(h, 900);
    const b = await verifiedCompany(h, 901, { townshipCode: '001' });
    w = {
      companyA: a.companyId,
      s: {
        anonymous: null,
        resident: await boundResident(h),
        companyAdmin: a.owner,
        companyStaff: await staffMember(h, a.owner),
        otherCompany: b.owner,
        officer: a.clerk,
        clerkOffPath: await h.login('clerk', { centerId: 'ts-001' }),
        cityClerk: await h.login('clerk', { centerId: 'city' }),
        admin: await h.login('admin'),
      },
    };
  }, 240_000);
  afterAll(() => h.close());

  const pairs = Object.keys(ACTIONS).flatMap((action) => PERSONAS.map((p) => [p, action] as const));

  it(`covers ${pairs.length} role and action pairs`, () => {
    expect(pairs).toHaveLength(PERSONAS.length * 25);
  });

  it.each(pairs)('%s calling %s gets what the access rules allow', async (persona, action) => {
    const { demand } = await h.ok('demands', 'raise', RAISE, w.s.companyAdmin);
    const claimant = await boundResident(h);
    const claim = await claimAs(h, claimant, { creditCode: creditCode(codes++), name: '待核验示例有限公司', location: 'zone' });
    const target = { demand: { id: demand.id, version: demand.version }, claim: { id: claim.id, version: claim.version } };
    const subject = w.s[persona];
    const [fn, verb, data] = await ACTIONS[action].call(w, target, subject);
    const answer = await h.call(fn, verb, data, subject);
    const want: Expect = persona === 'anonymous' ? 'UNAUTHENTICATED' : (ACTIONS[action].want[persona] ?? 'FORBIDDEN');
    const got = answer.ok ? 'OK' : answer.error.code;
    if (want === 'LIFECYCLE') expect(LIFECYCLE_CODES).toContain(got);
    else expect(got).toBe(want);
    if (!answer.ok) expect((await h.ok('demands', 'get', { id: demand.id }, w.s.companyAdmin)).demand.version).toBe(demand.version);
  });
});
