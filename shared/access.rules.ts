/**
 * Who may see a request. Pure: the handlers call it with the caller's role data.
 * A resident sees only their own requests, a company member only the company's,
 * a clerk only those whose path passes through their center, an administrator all.
 */
import type { Request } from './request.schema';
import type { Role } from './identity.schema';

/** The caller as access rules see them. */
export type Viewer = { id: string; role: Role; centerId?: string; companyId?: string };

/** Tells whether a viewer may read a request. */
export const canSeeRequest = (viewer: Viewer, r: Pick<Request, 'applicant' | 'path'>): boolean => {
  switch (viewer.role) {
    case 'resident':
      return r.applicant.userId === viewer.id;
    case 'company':
      return !!viewer.companyId && r.applicant.companyId === viewer.companyId;
    case 'clerk':
      return !!viewer.centerId && r.path.includes(viewer.centerId);
    case 'admin':
      return true;
  }
};
