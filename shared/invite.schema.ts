/**
 * Invitations: a one-time code that grants a role. The target is a typed role grant, so the
 * same mechanism serves a clerk of a center, another administrator and, later, a member of a
 * company (issue 12) without a new kind of invitation.
 */
import * as z from 'zod/mini';

const Id = z.string().check(z.minLength(1), z.maxLength(80));

const ClerkGrant = z.object({ role: z.literal('clerk'), centerId: Id });
const AdminGrant = z.object({ role: z.literal('admin') });
/** A staff member (经办人) of a company, invited by its 企业管理员 (company.invite). */
const CompanyGrant = z.object({ role: z.literal('company'), companyId: Id, member: z.literal('staff') });

/** What the city administrator's invitations grant: a clerk of a center, or an administrator. */
export const StaffGrantSchema = z.discriminatedUnion('role', [ClerkGrant, AdminGrant]);
/** What redeeming an invitation makes its holder: a clerk, an administrator, or a member of a company. */
export const RoleGrantSchema = z.discriminatedUnion('role', [ClerkGrant, AdminGrant, CompanyGrant]);
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const InviteStateSchema = z.enum(['open', 'redeemed', 'revoked']);
export type InviteState = z.infer<typeof InviteStateSchema>;

/**
 * A stored invitation. The code itself is never stored: the id is a keyed hash of it, so a
 * redeemer is found by the code and a leaked table does not leak usable codes.
 */
export const InviteSchema = z.object({
  id: z.string().check(z.maxLength(2000)),
  version: z.int().check(z.gte(1)),
  grant: RoleGrantSchema,
  /** the last characters of the code, so the administrator can tell invitations apart */
  codeHint: z.string().check(z.maxLength(2000)),
  /** the administrator's note: for whom the invitation is meant */
  note: z.optional(z.string().check(z.maxLength(2000))),
  state: InviteStateSchema,
  createdBy: z.string().check(z.maxLength(2000)),
  createdAt: z.string().check(z.maxLength(2000)),
  expiresAt: z.string().check(z.maxLength(2000)),
  redeemedBy: z.optional(z.string().check(z.maxLength(2000))),
  redeemedAt: z.optional(z.string().check(z.maxLength(2000))),
  revokedBy: z.optional(z.string().check(z.maxLength(2000))),
  revokedAt: z.optional(z.string().check(z.maxLength(2000))),
});
export type Invite = z.infer<typeof InviteSchema>;
