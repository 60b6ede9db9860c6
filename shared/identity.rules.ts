/** What a user's identity allows: binding is what turns a signed-in user into an applicant. */
import type { UserIdentity } from './identity.schema';

/**
 * Tells whether a user has bound their identity: a company member their company, anyone else
 * a checked ID number and a home village.
 */
export const isBound = (user: Pick<UserIdentity, 'role' | 'companyId' | 'idHash' | 'homeVillageId'>): boolean =>
  user.role === 'company' ? !!user.companyId : !!user.idHash && !!user.homeVillageId;
