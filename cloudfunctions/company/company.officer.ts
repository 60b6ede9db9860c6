/**
 * company: the 企业管家 (一点服务). Every verified company has one named clerk of its home center
 * (the township's own, or the zone branch); its administrator, a clerk of that center or the city
 * administrator chooses another clerk of the center. A home center's clerks list the companies
 * they serve, each with its officer, to choose from. Naming a new officer tells the officer's
 * center in the same write (the clerk's message list is their center's).
 */
import { AppError } from '../../shared/errors';
import { homeCenterOf, servedLocationOf } from '../../shared/company.rules';
import { officerNotices } from '../../shared/officer.notices.zh-CN';
import type { CompanyLocation } from '../../shared/identity.schema';
import type { Handlers } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso, type CtxWith } from '../core/services/context';
import { companyView, homeCenter, noticeTo } from '../core/services/company.view';

type OfficerActions = Pick<Handlers<'company'>, 'officerCandidates' | 'setOfficer' | 'centerCompanies'>;

/**
 * Who may choose a company's 企业管家: its administrator, a clerk of its home center (the
 * township, or the zone branch), or the city administrator. Answers the company and its home center.
 */
const officerChooser = async (ctx: CtxWith<'users' | 'companies' | 'catalogue'>, companyId: string | undefined) => {
  const user = requireRole(ctx, 'company', 'clerk', 'admin');
  const id = user.role === 'company' ? user.companyId : companyId;
  const company = id ? await ctx.deps.users.getCompany(id) : null;
  if (!company) throw new AppError(user.role === 'company' ? 'FORBIDDEN' : 'NOT_FOUND', user.role === 'company' ? undefined : { companyId: 'NOT_FOUND' });
  const home = await homeCenter(ctx, company.location);
  if (user.role === 'company' && (await ctx.deps.companies.getMember(company.id, user.id))?.role !== 'admin') throw new AppError('FORBIDDEN');
  if (user.role === 'clerk' && user.centerId !== home.id) throw new AppError('FORBIDDEN');
  return { user, company, home };
};

/**
 * The center whose companies a listing shows and the location it serves: the clerk's own (another
 * center named is FORBIDDEN), or the one the administrator names. A center that is no company's
 * home (a village, the city, a bank) serves none.
 */
const listedCenter = async (ctx: CtxWith<'catalogue'>, centerId: string | undefined): Promise<{ centerId: string; location: CompanyLocation | null }> => {
  const user = requireRole(ctx, 'clerk', 'admin');
  if (user.role === 'clerk' && centerId && centerId !== user.centerId) throw new AppError('FORBIDDEN');
  const id = user.role === 'clerk' ? user.centerId : centerId;
  if (!id) throw new AppError('VALIDATION_FAILED', { centerId: '请选择服务中心' });
  const dir = await ctx.deps.catalogue.directory();
  const center = dir.byId.get(id);
  if (!center) throw new AppError('CENTER_NOT_FOUND', { centerId: 'CENTER_NOT_FOUND' });
  const location = servedLocationOf(center);
  return { centerId: id, location: location && homeCenterOf(location, dir.centers)?.id === id ? location : null };
};

export const officerHandlers: OfficerActions = {
  async officerCandidates(ctx, input) {
    const { home } = await officerChooser(ctx, input.companyId);
    const page = await ctx.deps.users.listUsers({ role: 'clerk', centerId: home.id }, { page: 1, pageSize: 100 });
    return { items: page.items.map((u) => ({ id: u.id, ...(u.nameMasked ? { nameMasked: u.nameMasked } : {}) })) };
  },

  async setOfficer(ctx, input) {
    const { user, company, home } = await officerChooser(ctx, input.companyId);
    if (input.version !== undefined && input.version !== company.version) throw new AppError('CONFLICT');
    const officer = await ctx.deps.users.getUser(input.officerId);
    if (officer?.role !== 'clerk' || officer.centerId !== home.id) throw new AppError('OFFICER_NOT_CLERK', { officerId: 'OFFICER_NOT_CLERK' });
    const at = nowIso(ctx);
    const next = {
      ...company,
      version: company.version + 1,
      officer: {
        userId: officer.id,
        centerId: home.id,
        ...(officer.nameMasked ? { nameMasked: officer.nameMasked } : {}),
        assignedBy: user.id,
        assignedAt: at,
      },
    };
    // the officer's center hears of the change in the same write (shared/officer.notices.zh-CN.ts)
    const dir = await ctx.deps.catalogue.directory();
    const notices = officerNotices(company, next.officer, company.officer, user, (id) => dir.byId.get(id)?.name ?? '服务中心');
    const saved = unwrap(
      await ctx.deps.companies.updateCompany(
        next,
        company.version,
        notices.map((n) => noticeTo(ctx, n.to, n)),
      ),
    );
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(user), action: 'company.setOfficer', centerId: home.id, note: `${company.id} ${officer.id}` });
    return { company: await companyView(ctx, saved) };
  },

  async centerCompanies(ctx, input) {
    const { centerId, location } = await listedCenter(ctx, input.centerId);
    const { page, pageSize } = input;
    const found = location ? await ctx.deps.users.listCompanies({ location, ...(input.q ? { q: input.q } : {}) }, { page, pageSize }) : null;
    const items = await Promise.all(
      (found?.items ?? []).map(async (c) => ({ ...(await companyView(ctx, c)), ...(c.verifiedAt ? { verifiedAt: c.verifiedAt } : {}) })),
    );
    await ctx.deps.audit.appendAudit({
      at: nowIso(ctx),
      actor: actorOf(requireRole(ctx, 'clerk', 'admin')),
      action: 'read.companies',
      centerId,
      ids: items.map((c) => c.id),
      ...(input.q ? { note: input.q } : {}),
    });
    return { items, total: found?.total ?? 0, page, pageSize };
  },
};
