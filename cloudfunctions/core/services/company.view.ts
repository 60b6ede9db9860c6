/**
 * What the company handlers share: the caller as a member of their acting company, the
 * company's view with its 企业管家, the home center of a location, and notices to people.
 */
import { AppError } from '../../../shared/errors';
import type { CompanyView } from '../../../shared/api.schema';
import type { CompanyMember } from '../../../shared/company.schema';
import { homeCenterOf } from '../../../shared/company.rules';
import type { CompanyLocation } from '../../../shared/identity.schema';
import type { Center } from '../../../shared/directory.schema';
import { townshipByCode } from '../../../shared/townships';
import { requireRole } from '../identity/caller';
import { nowIso, type CtxWith } from './context';
import type { CompanyRecord, UserRecord } from '../stores/user.port';
import type { OutboxRecord, Recipient } from '../stores/outbox.port';

/** The caller acting for their company, with their membership and the company; FORBIDDEN otherwise. */
export const requireMember = async (ctx: CtxWith<'users' | 'companies'>): Promise<{ user: UserRecord; member: CompanyMember; company: CompanyRecord }> => {
  const user = requireRole(ctx, 'company');
  const member = user.companyId ? await ctx.deps.companies.getMember(user.companyId, user.id) : null;
  const company = member ? await ctx.deps.users.getCompany(member.companyId) : null;
  if (!member || !company) throw new AppError('FORBIDDEN');
  return { user, member, company };
};

/** As requireMember, for the company's administrator (企业管理员) only. */
export const requireCompanyAdmin = async (ctx: CtxWith<'users' | 'companies'>) => {
  const m = await requireMember(ctx);
  if (m.member.role !== 'admin') throw new AppError('FORBIDDEN');
  return m;
};

/** The center that checks a location's claims and serves its companies; a missing one is a no-route error. */
export const homeCenter = async (ctx: CtxWith<'catalogue'>, location: CompanyLocation): Promise<Center> => {
  const dir = await ctx.deps.catalogue.directory();
  const center = homeCenterOf(location, dir.centers);
  if (!center) throw new AppError(location === 'zone' ? 'NO_ROUTE_ZONE_MISSING' : 'NO_ROUTE_TOWNSHIP_MISSING');
  return center;
};

/** The Chinese name of a company location. */
export const locationName = (location: CompanyLocation): string =>
  location === 'zone' ? '经济开发区' : (townshipByCode(location.townshipCode)?.name ?? location.townshipCode);

/** A company as its members see it, with its 企业管家's center and phone. */
export const companyView = async (ctx: CtxWith<'catalogue'>, c: CompanyRecord): Promise<CompanyView> => {
  const dir = await ctx.deps.catalogue.directory();
  const home = homeCenterOf(c.location, dir.centers);
  const officerCenter = c.officer ? dir.byId.get(c.officer.centerId) : undefined;
  return {
    id: c.id,
    version: c.version,
    creditCode: c.creditCode,
    name: c.name,
    location: c.location,
    locationName: locationName(c.location),
    ...(home ? { homeCenterId: home.id } : {}),
    ...(c.officer
      ? { officer: { ...c.officer, centerName: officerCenter?.name ?? c.officer.centerId, ...(officerCenter?.phone ? { phone: officerCenter.phone } : {}) } }
      : {}),
  };
};

/** A notice to a person or a center, about a demand or none; its id is fresh. */
export const noticeTo = (ctx: CtxWith<'newId' | 'now'>, to: Recipient, n: { kind: string; title: string; body: string; demandId?: string }): OutboxRecord => ({
  id: ctx.deps.newId('msg'),
  version: 1,
  to,
  kind: n.kind,
  ...(n.demandId ? { demandId: n.demandId } : {}),
  title: n.title,
  body: n.body,
  createdAt: nowIso(ctx),
  state: 'pending',
  attempts: 0,
});
