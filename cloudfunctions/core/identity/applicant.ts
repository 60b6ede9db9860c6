/**
 * The applicant as routing sees them, from the caller's bound data or an explicit choice.
 */
import { AppError } from '../../../shared/errors';
import type { Applicant } from '../../../shared/routing.schema';
import type { LatLng } from '../../../shared/directory.schema';
import type { CompanyLocation } from '../../../shared/identity.schema';
import type { CtxWith } from '../services/context';

type Explicit = { villageId?: string; companyLocation?: CompanyLocation; position?: LatLng };

/** Builds the applicant: an explicit village or company location wins, else the caller's bound home. */
export const applicantFor = async (ctx: CtxWith<'users'>, explicit: Explicit = {}): Promise<Applicant> => {
  const position = explicit.position ? { position: explicit.position } : {};
  if (explicit.companyLocation) return { type: 'company', location: explicit.companyLocation, ...position };
  if (explicit.villageId) return { type: 'person', homeVillageId: explicit.villageId, ...position };
  const user = ctx.caller.user;
  if (user?.role === 'company' && user.companyId) {
    const company = await ctx.deps.users.getCompany(user.companyId);
    if (company) return { type: 'company', location: company.location, ...position };
  }
  if (user?.homeVillageId) return { type: 'person', homeVillageId: user.homeVillageId, ...position };
  throw new AppError('NO_ROUTE_HOME_UNKNOWN', { homeVillageId: 'NO_ROUTE_HOME_UNKNOWN' });
};
