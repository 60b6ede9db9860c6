/**
 * Who someone is to the system: the roles a user may hold, and where a company is located.
 * Roles are data; the store, the API, the personas and the lifecycle all use these.
 */
import { z } from 'zod';

/** The roles a user may hold: a resident, a clerk of a center, a company member, the administrator. */
export const RoleSchema = z.enum(['resident', 'clerk', 'company', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** Who may act on a request: a user in their role, `system` (the scheduler), or a `partner` system filing through Open311. */
export const ActorRoleSchema = z.enum([...RoleSchema.options, 'system', 'partner']);
export type ActorRole = z.infer<typeof ActorRoleSchema>;

/** Where a company is located: a township by its 3-digit code, or the development zone. */
export const CompanyLocationSchema = z.union([
  z.object({
    townshipCode: z
      .string()
      .length(3)
      .regex(/^\d{3}$/),
  }),
  z.literal('zone'),
]);
export type CompanyLocation = z.infer<typeof CompanyLocationSchema>;

/** The identity facts of a user record that the domain reads; personal data only masked or hashed. */
export type UserIdentity = {
  id: string;
  role: Role;
  /** keyed hash of the ID number, set once a resident has bound their identity */
  idHash?: string;
  nameMasked?: string;
  phoneMasked?: string;
  homeVillageId?: string;
  /** the company a company member acts for */
  companyId?: string;
};
