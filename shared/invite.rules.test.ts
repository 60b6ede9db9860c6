import { applyGrant, newInvite, redeemed, revoked, withoutRole } from './invite.rules';

const at = '2026-12-01T01:00:00.000Z';
const open = newInvite({ id: 'inv-1', grant: { role: 'clerk', centerId: 'v-001' }, codeHint: 'K9', createdBy: 'admin', now: at });
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

it('an invitation expires seven days after it is made, to the millisecond', () => {
  expect(open.expiresAt).toBe('2026-12-08T01:00:00.000Z');
  expect(codeOf(redeemed(open, 'u', '2026-12-08T00:59:59.999Z'))).toBe('ok');
  expect(codeOf(redeemed(open, 'u', '2026-12-08T01:00:00.000Z'))).toBe('INVITE_EXPIRED');
});

it('a redeemed invitation cannot be redeemed or revoked again, and a revoked one cannot be redeemed', () => {
  const used = redeemed(open, 'u', at);
  if (!used.ok) throw used.error;
  expect(used.value).toMatchObject({ state: 'redeemed', redeemedBy: 'u', version: 2 });
  expect(codeOf(redeemed(used.value, 'v', at))).toBe('INVITE_USED');
  expect(codeOf(revoked(used.value, 'admin', at))).toBe('INVITE_USED');
  const gone = revoked(open, 'admin', at);
  if (!gone.ok) throw gone.error;
  expect(codeOf(redeemed(gone.value, 'u', at))).toBe('INVITE_REVOKED');
});

it('a grant replaces the role and a former clerk made administrator keeps no center', () => {
  const clerk = { role: 'clerk' as const, centerId: 'v-001', homeVillageId: 'v-009' };
  expect(applyGrant(clerk, { role: 'admin' })).toEqual({ role: 'admin', homeVillageId: 'v-009' });
  expect(applyGrant(clerk, { role: 'clerk', centerId: 'ts-103' })).toEqual({ role: 'clerk', centerId: 'ts-103', homeVillageId: 'v-009' });
  expect(withoutRole(clerk)).toEqual({ role: 'resident', homeVillageId: 'v-009' });
});
