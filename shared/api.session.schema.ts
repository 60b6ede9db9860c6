/**
 * The session function's contract (who the caller is, local logins, binding an identity,
 * redeeming an invitation), in a module of its own so the session function's bundle builds its
 * own schemas only; shared/api.schema.ts re-exports it.
 */
import * as z from 'zod/mini';
import { RoleSchema } from './identity.schema';
import { Id } from './api.common';
import { text } from './text.bounds';

/** An invitation code as typed or scanned: spaces and dashes dropped, upper case, 8 characters. */
const InviteCode = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(20)),
    z.transform((v) => v.replace(/[\s-]/g, '').toUpperCase()),
  ),
  z.string().check(z.maxLength(8), z.regex(/^[A-Z0-9]{8}$/)),
);

// ---------- session ----------

/** The caller as the app sees them; personal data only in masked form. */
export const UserViewSchema = z.object({
  id: text('id'),
  role: RoleSchema,
  bound: z.boolean(),
  nameMasked: z.optional(text('masked')),
  idMasked: z.optional(text('masked')),
  phoneMasked: z.optional(text('masked')),
  homeVillageId: z.optional(text('id')),
  centerId: z.optional(text('id')),
  companyId: z.optional(text('id')),
  companyName: z.optional(text('line')),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const SessionInput = {
  whoami: z._default(z.object({}), {}),
  devLogin: z.object({
    /** the role to log in as */
    persona: RoleSchema,
    villageId: z.optional(Id),
    centerId: z.optional(Id),
    companyId: z.optional(Id),
    /** a resident already bound with a sample identity (示例数据), so a newcomer can apply at once */
    sampleIdentity: z.optional(z.boolean()),
  }),
  bindResident: z.object({
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(30)),
    idNumber: z.string().check(z.maxLength(30), z.trim(), z.minLength(1, '请填写身份证号'), z.toUpperCase()),
    phone: z.string().check(z.maxLength(30), z.trim(), z.minLength(1, '请填写手机号')),
    homeVillageId: Id,
  }),
  /** the invitation code the administrator handed over (8 letters or digits; spaces and dashes ignored) */
  redeemInvite: z.object({ code: InviteCode }),
};
export const SessionOutput = {
  whoami: z.object({ user: z.nullable(UserViewSchema) }),
  devLogin: z.object({ token: text('token'), user: UserViewSchema }),
  bindResident: z.object({ user: UserViewSchema }),
  redeemInvite: z.object({ user: UserViewSchema }),
};

// ---------- directory ----------
