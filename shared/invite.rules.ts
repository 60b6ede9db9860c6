/**
 * The life of an invitation, as pure functions: create, redeem once, revoke, and what a
 * grant does to the holder's record. Callers pass in `now`, the id and the code hint.
 */
import { fail, ok, type Result } from './errors';
import type { Role } from './identity.schema';
import type { Invite, RoleGrant } from './invite.schema';

/** An invitation is good for seven days from its creation. */
export const INVITE_VALID_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

/** A new open invitation for a grant, expiring seven days after `now`. */
export const newInvite = (p: { id: string; grant: RoleGrant; codeHint: string; createdBy: string; now: string; note?: string }): Invite => ({
  id: p.id,
  version: 1,
  grant: p.grant,
  codeHint: p.codeHint,
  ...(p.note ? { note: p.note } : {}),
  state: 'open',
  createdBy: p.createdBy,
  createdAt: p.now,
  expiresAt: new Date(Date.parse(p.now) + INVITE_VALID_DAYS * DAY_MS).toISOString(),
});

/** Whether an open invitation has passed its expiry at `now`. */
export const isExpired = (invite: Invite, now: string): boolean => Date.parse(now) >= Date.parse(invite.expiresAt);

/** Why an invitation cannot be used any more, or null while it is open and unexpired. */
const refusal = (invite: Invite, now: string) => {
  if (invite.state === 'redeemed') return fail<Invite>('INVITE_USED');
  if (invite.state === 'revoked') return fail<Invite>('INVITE_REVOKED');
  if (isExpired(invite, now)) return fail<Invite>('INVITE_EXPIRED');
  return null;
};

/** The invitation redeemed by a user at `now`: once only, never after expiry or revocation. */
export const redeemed = (invite: Invite, userId: string, now: string): Result<Invite> =>
  refusal(invite, now) ?? ok({ ...invite, version: invite.version + 1, state: 'redeemed', redeemedBy: userId, redeemedAt: now });

/** The invitation revoked by an administrator; a used or already revoked one cannot be. */
export const revoked = (invite: Invite, by: string, now: string): Result<Invite> => {
  if (invite.state !== 'open') return fail(invite.state === 'redeemed' ? 'INVITE_USED' : 'INVITE_REVOKED');
  return ok({ ...invite, version: invite.version + 1, state: 'revoked', revokedBy: by, revokedAt: now });
};

/** The role facts of a user record, as a grant sets them. */
export type RoleFacts = { role: Role; centerId?: string; companyId?: string };

/**
 * A user's role facts after a grant: the new role replaces the old one, and the center of a
 * former clerkship does not linger on an administrator. Residence (home village, identity) is kept by the caller.
 */
export const applyGrant = <U extends RoleFacts>(user: U, grant: RoleGrant): U => {
  const { centerId: _c, companyId: _co, ...rest } = user;
  const place = grant.role === 'clerk' ? { centerId: grant.centerId } : grant.role === 'company' ? { companyId: grant.companyId } : {};
  return { ...rest, role: grant.role, ...place } as U;
};

/** A user's role facts after the administrator takes the role away: back to a plain resident. */
export const withoutRole = <U extends RoleFacts>(user: U): U => {
  const { centerId: _c, companyId: _co, ...rest } = user;
  return { ...rest, role: 'resident' } as U;
};
