/**
 * admin: the indicators of the city, or of one township, by period. The figures are sums over
 * the counters every request write keeps (IndicatorStore), never a read of the requests, so the
 * answer costs the same at 1,000 requests as at 1,000,000.
 */
import { chinaDateOf, chinaDateTimeOf } from '../../shared/china.time';
import { AppError } from '../../shared/errors';
import { townshipByCode } from '../../shared/townships';
import { defaultRange, rangeProblem, scopeCenters, statsAnswer } from '../../shared/indicators.view';
import type { Handlers } from '../core/edge/dispatch';
import { requireRole, actorOf } from '../core/identity/caller';
import { nowIso } from '../core/services/context';
import { writeXlsxSheets } from '../core/services/import.files';

/** A sheet name Excel accepts: no []:*?/\ and distinct within the book. */
const sheetName = (name: string, i: number) => `${i + 1} ${name.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31);

export const statsHandlers: Pick<Handlers<'admin'>, 'stats' | 'exportTable'> = {
  async stats(ctx, input) {
    const user = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const townshipCode = input.townshipCode ?? null;
    if (townshipCode !== null && !townshipByCode(townshipCode)) throw new AppError('NOT_FOUND', { townshipCode: '没有这个镇街' });
    const range = defaultRange(chinaDateOf(at)!, input.period);
    const from = input.from ?? (input.to && input.to < range.from ? input.to : range.from);
    const to = input.to ?? range.to;
    const problem = rangeProblem(from, to, input.period);
    if (problem) throw new AppError('VALIDATION_FAILED', { from: problem });
    const dir = await ctx.deps.catalogue.directory();
    const q = { from, to, centerIds: scopeCenters(dir.centers, townshipCode) };
    const [byDay, byCenter, late] = await Promise.all([
      ctx.deps.indicators.countersByDay(q),
      ctx.deps.indicators.countersByCenter(q),
      ctx.deps.indicators.lateRectifications(at),
    ]);
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(user), action: 'stats', query: `${input.period} ${from}..${to} ${townshipCode ?? 'city'}` });
    return statsAnswer({ at, period: input.period, from, to, townshipCode }, { byDay, byCenter, late }, dir.centers);
  },

  /** A dashboard view as a spreadsheet: the panel sends the table it shows; the file comes back to be saved or forwarded. */
  async exportTable(ctx, input) {
    const user = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const bytes = await writeXlsxSheets(input.sheets.map((s, i) => ({ ...s, name: sheetName(s.name, i) })));
    const rows = input.sheets.reduce((n, s) => n + s.rows.length, 0);
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(user), action: 'stats.export', note: `${input.title} ${rows}` });
    const safe = input.title.replace(/[\\/:*?"<>|\s]+/g, '');
    return { fileName: `${safe || '指标'}-${chinaDateTimeOf(at).replace(/[ :]/g, '')}.xlsx`, dataBase64: bytes.toString('base64'), rows };
  },
};
