/**
 * Users and the companies they bind. `expectedVersion` undefined means create (DUPLICATE if
 * the id exists); given, the write is conditional on the stored version (CONFLICT if stale).
 */
import type { Result } from '../../../shared/errors';
import type { CompanyLocation, Role } from '../../../shared/identity.schema';
import type { Officer } from '../../../shared/company.schema';
import type { Page, PageOf } from './store.page';

/**
 * A user record. Roles are data. The ID number is kept only as a keyed hash plus its masked
 * form; the name and phone, which a clerk may need in full, only masked plus AES-256-GCM sealed.
 */
export type UserRecord = {
  id: string; // OPENID in production, persona id in local mode
  version: number;
  role: Role;
  nameMasked?: string;
  /** the full name, sealed (personal.cipher.ts) */
  nameSealed?: string;
  idHash?: string; // HMAC-SHA256 of the ID number under the server's ID-hash key
  idMasked?: string;
  phoneMasked?: string;
  phoneHash?: string;
  /** the normalized phone, sealed, so a clerk can call it */
  phoneSealed?: string;
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
  /** when a clerk verified the claim that made it a company with members (issue 12) */
  verifiedAt?: string;
  /** the 企业管家 (一点服务): the clerk every demand goes to first */
  officer?: Officer;
};

/**
 * Which companies a home center's listing shows: the verified ones of one location (the zone, or
 * a township), optionally those whose name or credit code holds `q`.
 */
export type CompanyFilter = { location: CompanyLocation; q?: string };

/** Which people a listing shows: by role, by the center a clerk serves. */
export type UserFilter = { role?: Role; centerId?: string };

export interface UserStore {
  getUser(id: string): Promise<UserRecord | null>;
  /** People by role and center, in id order (the administrator's list of clerks by center). */
  listUsers(filter: UserFilter, page: Page): Promise<PageOf<UserRecord>>;
  /**
   * Creates or conditionally updates a user. One ID number binds one account: a write giving
   * `idHash` that another user holds answers ID_ALREADY_BOUND, decided by the store itself
   * (a unique index, a claim document), so two racing binds cannot both win.
   */
  putUser(user: UserRecord, expectedVersion?: number): Promise<Result<UserRecord>>;
  /** The user bound to an ID number's hash, if any (a clerk's unbind). */
  findUserByIdHash(idHash: string): Promise<UserRecord | null>;
  getCompany(id: string): Promise<CompanyRecord | null>;
  findCompanyByCreditCode(creditCode: string): Promise<CompanyRecord | null>;
  putCompany(company: CompanyRecord, expectedVersion?: number): Promise<Result<CompanyRecord>>;
  /** The verified companies of one location, the latest verified first (then by id): a home center's clerks choose their 企业管家. */
  listCompanies(filter: CompanyFilter, page: Page): Promise<PageOf<CompanyRecord>>;
  /** How many users are members of the company now: a company with none may be claimed again. */
  countCompanyMembers(companyId: string): Promise<number>;
}
