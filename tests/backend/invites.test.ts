/**
 * Clerks and administrators on WeChat: an administrator invites, a signed-in user redeems the
 * code once, and a moved or revoked role applies at the holder's next call, token or not.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { verifyToken } from '../../cloudfunctions/core/identity/token';
import { loadSampleCenters } from '../../data/sample';

const village = loadSampleCenters().find((c) => c.kind === 'village')!;
const township = loadSampleCenters().find((c) => c.kind === 'township')!;

describe.each<StoreKind>(['sqlite', 'cloudbase'])('invitations and roles on the %s store', (kind) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await makeHarness(kind, '2026-12-01T01:00:00.000Z');
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  const invite = async (centerId = village.id) =>
    h.ok('admin', 'createInvite', { grant: { role: 'clerk', centerId }, note: '村代办员' }, admin) as Promise<{
      invite: { id: string; version: number; codeHint: string };
      code: string;
    }>;

  it('a WeChat user who redeems an invitation becomes the clerk of its center and can open the queue', async () => {
    const { invite: inv, code } = await invite();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(inv.codeHint).toBe(code.slice(-2));
    expect(JSON.stringify(await h.ok('admin', 'listInvites', {}, admin))).not.toContain(code);
    expect(await h.call('clerk', 'queue', {}, 'wx-openid-new')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { user } = await h.ok('session', 'redeemInvite', { code: `${code.slice(0, 4)}-${code.slice(4).toLowerCase()}` }, 'wx-openid-new');
    expect(user).toMatchObject({ id: 'wx-openid-new', role: 'clerk', centerId: village.id });
    expect((await h.call('clerk', 'queue', {}, 'wx-openid-new')).ok).toBe(true);
    const people = await h.ok('admin', 'listPeople', { centerId: village.id }, admin);
    expect(people.items.map((p: { id: string }) => p.id)).toContain('wx-openid-new');
    expect(people.items.find((p: { id: string }) => p.id === 'wx-openid-new')).toMatchObject({ centerName: village.name });
  });

  it('an invitation is redeemed once only: a second person gets INVITE_USED and no role', async () => {
    const { code } = await invite();
    await h.ok('session', 'redeemInvite', { code }, 'wx-first');
    expect(await h.call('session', 'redeemInvite', { code }, 'wx-second')).toMatchObject({ ok: false, error: { code: 'INVITE_USED' } });
    expect(await h.call('session', 'whoami', {}, 'wx-second')).toMatchObject({ ok: true, data: { user: null } });
  });

  it('two people racing with one code: exactly one becomes the clerk', async () => {
    const { code } = await invite(township.id);
    const answers = await Promise.all(['wx-r1', 'wx-r2', 'wx-r3'].map((s) => h.call('session', 'redeemInvite', { code }, s)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['INVITE_USED', 'INVITE_USED']);
  });

  it('an invitation older than 7 days is refused as expired', async () => {
    const { code } = await invite();
    h.clock.advanceHours(7 * 24);
    expect(await h.call('session', 'redeemInvite', { code }, 'wx-late')).toMatchObject({ ok: false, error: { code: 'INVITE_EXPIRED' } });
    const listed = await h.ok('admin', 'listInvites', { state: 'open' }, admin);
    expect(listed.items[0]).toMatchObject({ expired: true });
    h.clock.set('2026-12-01T01:00:00.000Z');
  });

  it('a revoked invitation cannot be redeemed, and a stale revoke is a CONFLICT', async () => {
    const { invite: inv, code } = await invite();
    expect(await h.call('admin', 'revokeInvite', { id: inv.id, version: inv.version + 1 }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await h.ok('admin', 'revokeInvite', { id: inv.id, version: inv.version }, admin);
    expect(await h.call('session', 'redeemInvite', { code }, 'wx-revoked')).toMatchObject({ ok: false, error: { code: 'INVITE_REVOKED' } });
  });

  it('an unknown or malformed code is refused in Chinese', async () => {
    const unknown = await h.call('session', 'redeemInvite', { code: 'ZZZZZZZZ' }, 'wx-x');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVITE_NOT_FOUND', message: '邀请码不对，请核对后重新输入' } });
    const bad = await h.call('session', 'redeemInvite', { code: '12' }, 'wx-x');
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { code: '邀请码是8位字母或数字' } } });
    expect(await h.call('session', 'redeemInvite', { code: 'ZZZZZZZZ' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('an invitation to a center that does not exist is refused', async () => {
    const answer = await h.call('admin', 'createInvite', { grant: { role: 'clerk', centerId: 'v-none' } }, admin);
    expect(answer).toMatchObject({ ok: false, error: { code: 'CENTER_NOT_FOUND', fields: { 'grant.centerId': 'CENTER_NOT_FOUND' } } });
  });

  it('a role moved while a token is held applies at the next call: the token carries no role', async () => {
    const { code } = await invite();
    await h.ok('session', 'redeemInvite', { code }, 'wx-mover');
    const token = h.deps.secrets.token;
    const issued = (await import('../../cloudfunctions/core/identity/token')).issueToken('wx-mover', token, h.deps.now().getTime());
    expect(Object.keys(verifyToken(issued, token, h.deps.now().getTime())!).sort()).toEqual(['exp', 'iat', 'sub']);
    let person = (await h.ok('admin', 'listPeople', { centerId: village.id }, admin)).items.find((p: { id: string }) => p.id === 'wx-mover');
    person = (await h.ok('admin', 'moveRole', { userId: 'wx-mover', version: person.version, centerId: township.id }, admin)).person;
    expect(person).toMatchObject({ centerId: township.id, centerName: township.name });
    expect((await h.ok('session', 'whoami', {}, 'wx-mover')).user).toMatchObject({ role: 'clerk', centerId: township.id });
    person = (await h.ok('admin', 'revokeRole', { userId: 'wx-mover', version: person.version }, admin)).person;
    expect(person.role).toBe('resident');
    expect(await h.call('clerk', 'queue', {}, 'wx-mover')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('admin', 'revokeRole', { userId: 'wx-mover', version: 1 }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('an administrator cannot change their own role, and only an administrator may invite', async () => {
    expect(await h.call('admin', 'revokeRole', { userId: admin, version: 1 }, admin)).toMatchObject({ ok: false, error: { code: 'OWN_ROLE' } });
    const clerk = await h.login('clerk', { centerId: village.id });
    expect(await h.call('admin', 'createInvite', { grant: { role: 'admin' } }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('admin', 'listPeople', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('an administrator invitation makes another administrator, and every step is audited', async () => {
    const { code } = await h.ok('admin', 'createInvite', { grant: { role: 'admin' } }, admin);
    const { user } = await h.ok('session', 'redeemInvite', { code }, 'wx-admin-2');
    expect(user.role).toBe('admin');
    expect((await h.ok('admin', 'listPeople', { role: 'admin' }, 'wx-admin-2')).items.map((p: { id: string }) => p.id)).toContain('wx-admin-2');
    const counts = await h.deps.audit.countActionsSince(village.id, '2026-01-01T00:00:00.000Z', [
      'invite.create',
      'invite.redeem',
      'role.move',
      'invite.revoke',
    ]);
    expect(counts['invite.create']).toBeGreaterThanOrEqual(5);
    expect(counts['invite.redeem']).toBeGreaterThanOrEqual(2);
    expect(counts['invite.revoke']).toBe(1);
  });

  it('input strings are bounded: an over-long note is refused in Chinese', async () => {
    const answer = await h.call('admin', 'createInvite', { grant: { role: 'admin' }, note: '长'.repeat(41) }, admin);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { note: '备注不能超过40个字' } } });
  });
});
