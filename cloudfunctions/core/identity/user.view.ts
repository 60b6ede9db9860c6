/**
 * The caller as the app sees them: personal data only in masked form.
 */
import type { UserView } from '../../../shared/api.schema';
import { isBound } from '../../../shared/identity.rules';
import type { CompanyRecord, UserRecord } from '../stores/user.port';

/** Shapes a user record (and their company) for the wire. */
export const userView = (u: UserRecord, company?: CompanyRecord | null): UserView => ({
  id: u.id,
  role: u.role,
  bound: isBound(u),
  ...(u.nameMasked ? { nameMasked: u.nameMasked } : {}),
  ...(u.idMasked ? { idMasked: u.idMasked } : {}),
  ...(u.phoneMasked ? { phoneMasked: u.phoneMasked } : {}),
  ...(u.homeVillageId ? { homeVillageId: u.homeVillageId } : {}),
  ...(u.centerId ? { centerId: u.centerId } : {}),
  ...(u.companyId ? { companyId: u.companyId } : {}),
  ...(company ? { companyName: company.name } : {}),
});
