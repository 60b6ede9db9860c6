/**
 * admin: the audit log, searched by person, center, request and date, and exported as a
 * spreadsheet. Reading the trail is itself an action, so each search leaves an entry too.
 */
import { AppError } from '../../shared/errors';
import { chinaDateTimeOf, endOfChinaDay, startOfChinaDay } from '../../shared/china.time';
import type { AuditEntry } from '../../shared/request.schema';
import type { Handlers } from '../core/edge/dispatch';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso, type CtxWith } from '../core/services/context';
import { writeXlsx } from '../core/services/import.files';
import type { AuditFilter } from '../core/stores/audit.port';

type Search = { actorId?: string; centerId?: string; requestId?: string; from?: string; to?: string };
/** The most entries one export carries; a wider search is cut, and the answer says so. */
const EXPORT_LIMIT = 10_000;
const PAGE = 500;

/** China dates to instants: from the first millisecond of `from` to the last of `to`. */
const filterOf = (s: Search): AuditFilter => {
  if (s.from && s.to && s.from > s.to) throw new AppError('VALIDATION_FAILED', { to: '结束日期不能早于开始日期' });
  return {
    ...(s.actorId ? { actorId: s.actorId } : {}),
    ...(s.centerId ? { centerId: s.centerId } : {}),
    ...(s.requestId ? { requestId: s.requestId } : {}),
    ...(s.from ? { from: startOfChinaDay(endOfChinaDay(s.from)) } : {}),
    ...(s.to ? { to: endOfChinaDay(s.to) } : {}),
  };
};

/** Every matching entry up to the export limit, newest first. */
const entriesOf = async (ctx: CtxWith<'audit'>, f: AuditFilter): Promise<{ entries: AuditEntry[]; total: number }> => {
  const entries: AuditEntry[] = [];
  let total = 0;
  for (let page = 1; entries.length < EXPORT_LIMIT; page += 1) {
    const res = await ctx.deps.audit.searchAudit(f, { page, pageSize: PAGE });
    total = res.total;
    entries.push(...res.items);
    if (res.items.length < PAGE) break;
  }
  return { entries: entries.slice(0, EXPORT_LIMIT), total };
};

const HEADER = ['时间', '操作', '操作人', '角色', '服务中心', '办件编号', '状态变化', '说明'];
const rowOf = (e: AuditEntry) => [
  chinaDateTimeOf(e.at),
  e.action,
  e.actor.name ? `${e.actor.name}（${e.actor.userId}）` : e.actor.userId,
  e.actor.role,
  e.centerId ?? '',
  e.requestId ?? '',
  e.fromState || e.toState ? `${e.fromState ?? ''}→${e.toState ?? ''}` : '',
  e.note ?? '',
];

export const auditHandlers: Pick<Handlers<'admin'>, 'auditLog' | 'exportAudit'> = {
  async auditLog(ctx, input) {
    const admin = requireRole(ctx, 'admin');
    const { page, pageSize, ...search } = input;
    const found = await ctx.deps.audit.searchAudit(filterOf(search), { page, pageSize });
    await ctx.deps.audit.appendAudit({ at: nowIso(ctx), actor: actorOf(admin), action: 'audit.search', note: JSON.stringify(search) });
    return found;
  },

  async exportAudit(ctx, input) {
    const admin = requireRole(ctx, 'admin');
    const { entries, total } = await entriesOf(ctx, filterOf(input));
    const at = nowIso(ctx);
    const bytes = await writeXlsx('审计日志', { header: HEADER, rows: entries.map(rowOf) });
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(admin), action: 'audit.export', note: `${entries.length} ${JSON.stringify(input)}` });
    return {
      fileName: `审计日志-${chinaDateTimeOf(at).replace(/[ :]/g, '')}.xlsx`,
      dataBase64: bytes.toString('base64'),
      rows: entries.length,
      truncated: total > entries.length,
    };
  },
};
