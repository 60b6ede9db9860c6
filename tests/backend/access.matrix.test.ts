/**
 * The access matrix: every role against every request action, on their own and on others'
 * records, on both stores. A fresh request (submitted by resident A at village V of 大束镇,
 * decided by the township) backs every pair, so no pair depends on another's side effects.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';

const items = loadSampleItems();
const centers = loadSampleCenters();
const item = items.find((i) => i.level === 'township' && i.audience === 'person' && !i.lists.includes('taiping'))!;
const village = centers.find((c) => c.kind === 'village' && c.townshipCode === '103')!;
const otherVillage = centers.find((c) => c.kind === 'village' && c.townshipCode === '104')!;

type Persona = 'anonymous' | 'owner' | 'otherResident' | 'companyMember' | 'admin' | 'clerkHolder' | 'clerkOnPath' | 'clerkOffPath';
type Expect = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'LIFECYCLE';
const LIFECYCLE_CODES = ['ILLEGAL_TRANSITION', 'NOT_HOLDER', 'RATING_NOT_OPEN'];

const ACTIONS: Record<string, (id: string, version: number) => [string, string, unknown]> = {
  'requests.get': (id) => ['requests', 'get', { id }],
  'requests.withdraw': (id, version) => ['requests', 'withdraw', { id, version }],
  'requests.supplement': (id, version) => ['requests', 'supplement', { id, version, materials: [{ name: '补充材料', fileId: 'f-1' }] }],
  'requests.rate': (id, version) => ['requests', 'rate', { id, version, level: '满意' }],
  'clerk.get': (id) => ['clerk', 'get', { id }],
  'clerk.revealPhone': (id) => ['clerk', 'revealPhone', { id }],
  'clerk.precheck': (id, version) => ['clerk', 'precheck', { id, version }],
  'clerk.accept': (id, version) => ['clerk', 'accept', { id, version }],
  'clerk.reject': (id, version) => ['clerk', 'reject', { id, version, reasons: '材料不属于本事项' }],
  'clerk.sendHandoff': (id, version) => ['clerk', 'sendHandoff', { id, version, checklist: [{ name: '居民身份证', form: 'paper_copy', count: 1 }] }],
  'clerk.returnHandoff': (id, version) => ['clerk', 'returnHandoff', { id, version, reason: '缺少原件' }],
  'clerk.pause': (id, version) => ['clerk', 'pause', { id, version, reason: '缺少户口簿', missing: ['户口簿'] }],
  'clerk.resume': (id, version) => ['clerk', 'resume', { id, version }],
  'clerk.decide': (id, version) => ['clerk', 'decide', { id, version, outcome: 'approved', reasons: '符合条件' }],
  'clerk.deliver': (id, version) => ['clerk', 'deliver', { id, version }],
};

/** What each persona may do to resident A's freshly submitted request, held at village V. */
const expected = (p: Persona, action: string): Expect => {
  const [fn, verb] = action.split('.');
  if (p === 'anonymous') return 'UNAUTHENTICATED';
  if (p === 'owner') return fn === 'clerk' ? 'FORBIDDEN' : verb === 'get' || verb === 'withdraw' ? 'OK' : 'LIFECYCLE';
  if (p === 'admin') return action === 'requests.get' ? 'OK' : 'FORBIDDEN';
  if (p === 'clerkHolder') return fn === 'requests' ? 'FORBIDDEN' : ['get', 'revealPhone', 'precheck', 'reject'].includes(verb) ? 'OK' : 'LIFECYCLE';
  if (p === 'clerkOnPath') return fn === 'requests' ? 'FORBIDDEN' : verb === 'get' || verb === 'revealPhone' ? 'OK' : 'LIFECYCLE';
  return 'FORBIDDEN'; // otherResident, companyMember, clerkOffPath
};

describe.each<StoreKind>(['sqlite', 'cloudbase'])('the access matrix on the %s store', (kind) => {
  let h: Harness;
  const subjects = {} as Record<Persona, string | null>;
  let n = 0;
  beforeAll(async () => {
    h = await makeHarness(kind);
    const bind = async (villageId: string, seq: string) => {
      const id = await h.login('resident', { villageId });
      await h.ok('session', 'bindResident', { name: '测试居民', idNumber: validIdNumber('19800101', seq), phone: '13805370000', homeVillageId: villageId }, id);
      return id;
    };
    subjects.anonymous = null;
    subjects.owner = await bind(village.id, '101');
    subjects.otherResident = await bind(village.id, '102');
    subjects.companyMember = await h.login('company', { companyId: 'co-sample-gangshan' });
    subjects.admin = await h.login('admin');
    subjects.clerkHolder = await h.login('clerk', { centerId: village.id });
    subjects.clerkOnPath = await h.login('clerk', { centerId: 'ts-103' });
    subjects.clerkOffPath = await h.login('clerk', { centerId: otherVillage.id });
  });
  afterAll(() => h.close());

  const pairs = (Object.keys(ACTIONS) as string[]).flatMap((action) =>
    (['anonymous', 'owner', 'otherResident', 'companyMember', 'admin', 'clerkHolder', 'clerkOnPath', 'clerkOffPath'] as Persona[]).map(
      (p) => [p, action] as const,
    ),
  );

  it(`covers ${pairs.length} role and action pairs`, () => {
    expect(pairs).toHaveLength(8 * 15);
  });

  it.each(pairs)('%s calling %s gets what the access rules allow', async (persona, action) => {
    const { request } = await h.ok(
      'requests',
      'submit',
      { itemCode: item.code, intakeCenterId: village.id, form: filledForm(item), materials: [], idempotencyKey: `matrix-${persona}-${action}-${n++}` },
      subjects.owner,
    );
    const [fn, verb, data] = ACTIONS[action](request.id, request.version);
    const answer = await h.call(fn, verb, data, subjects[persona]);
    const want = expected(persona, action);
    const got = answer.ok ? 'OK' : answer.error.code;
    if (want === 'LIFECYCLE') expect(LIFECYCLE_CODES).toContain(got);
    else expect(got).toBe(want);
    if (!answer.ok && want !== 'OK') {
      const after = await h.ok('requests', 'get', { id: request.id }, subjects.owner);
      expect(after.request.version).toBe(request.version);
    }
  });

  it('shows a company member only the requests of their own company', async () => {
    const member = subjects.companyMember!;
    const mine = await h.ok('requests', 'mine', {}, member);
    expect(mine.items.every((r: { applicant: { companyId?: string } }) => r.applicant.companyId === 'co-sample-gangshan')).toBe(true);
    const residentList = await h.ok('requests', 'mine', {}, subjects.otherResident);
    expect(residentList.items.every((r: { applicant: { userId: string } }) => r.applicant.userId === subjects.otherResident)).toBe(true);
  });
});
