/**
 * Users and the companies they bind. `expectedVersion` undefined means create (DUPLICATE if
 * the id exists); given, the write is conditional on the stored version (CONFLICT if stale).
 */
import type { Result } from '../../../shared/errors';
import type { CompanyLocation, Role } from '../../../shared/identity.schema';

/** A user record. Roles are data. The ID number is kept only as a keyed hash plus its masked form. */
export type UserRecord = {
  id: string; // OPENID in production, persona id in local mode
  version: number;
  role: Role;
  name?: string;
  nameMasked?: string;
  idHash?: string; // HMAC-SHA256 of the ID number under the server's secret
  idMasked?: string;
  phoneMasked?: string;
  phoneHash?: string;
  homeVillageId?: string;
  centerId?: string; // clerk
  companyId?: string; // company member
  createdAt: string;
  updatedAt: string;
};

export type CompanyRecord = {
  id: string;
  version: number;
  creditCode: string; // public register data, not personal
  name: string;
  location: CompanyLocation;
  createdAt: string;
};

export interface UserStore {
  getUser(id: string): Promise<UserRecord | null>;
  putUser(user: UserRecord, expectedVersion?: number): Promise<Result<UserRecord>>;
  getCompany(id: string): Promise<CompanyRecord | null>;
  findCompanyByCreditCode(creditCode: string): Promise<CompanyRecord | null>;
  putCompany(company: CompanyRecord, expectedVersion?: number): Promise<Result<CompanyRecord>>;
  /** How many users are members of the company now: a company with none may be claimed again. */
  countCompanyMembers(companyId: string): Promise<number>;
}
