/**
 * certify (静默认证): the administrator imports rosters and evidence (certify.imports.ts), runs
 * the matching pass now, reads the indicators and the department's list of the uncertified; the
 * village clerk works the 待认证 queue of their village; a resident sees their own schemes.
 * The pass itself is a scheduled job (core/services/certify.pass.ts).
 */
import { CertifyInput, CertifyOutput } from '../../shared/api.certify.schema';
import { AppError } from '../../shared/errors';
import { OUTCOMES, REASON_LABELS, EVIDENCE_SOURCES, SCHEMES, schemeOf, type RosterEntry } from '../../shared/certify.schema';
import { findingNote, periodAfter, recordFinding, type ClerkFinding } from '../../shared/certify.rules';
import { chinaDateOf, chinaDateTimeOf } from '../../shared/china.time';
import { TOWNSHIPS } from '../../shared/townships';
import type { OutcomeCounts, RosterEntryView } from '../../shared/api.certify.schema';
import { defineFunction } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso, type Ctx } from '../core/services/context';
import { auditListRead } from '../core/services/read.audit';
import { writeXlsx } from '../core/services/import.files';
import { readPassState, runCertifyPass } from '../core/services/certify.pass';
import type { CertifyCount } from '../core/stores/certify.port';
import { importHandlers } from './certify.imports';

/** An admin's "match now" run: well inside the function's time limit; the scheduler resumes the rest. */
const RUN_NOW_MS = 20_000;
const EXPORT_LIMIT = 10_000;

/** An entry as clerks and administrators see it: masks, the scheme's facts, the village's name. */
const viewOf = async (ctx: Ctx, e: RosterEntry): Promise<RosterEntryView> => {
  const { idHash: _h, ...rest } = e;
  const scheme = schemeOf(e.schemeCode);
  const village = (await ctx.deps.catalogue.directory()).byId.get(e.villageId);
  return {
    ...rest,
    schemeName: scheme?.name ?? e.schemeCode,
    department: scheme?.department ?? '',
    photo: !!scheme?.photo,
    ...(village ? { villageName: village.name } : {}),
  };
};
const viewsOf = (ctx: Ctx, list: RosterEntry[]) => Promise.all(list.map((e) => viewOf(ctx, e)));

/** One row of counts of a scheme, a township or the whole city. */
const countsOf = (key: string, name: string, rows: CertifyCount[]): OutcomeCounts => {
  const c = Object.fromEntries(OUTCOMES.map((o) => [o, rows.filter((r) => r.outcome === o).reduce((n, r) => n + r.n, 0)])) as Record<
    (typeof OUTCOMES)[number],
    number
  >;
  return { key, name, total: OUTCOMES.reduce((n, o) => n + c[o], 0), ...c };
};

const HEADER = ['认证项目', '主管部门', '姓名', '身份证号', '村居', '镇街代码', '认证期开始', '认证期结束', '情况', '登记时间'];
const flaggedRow = (v: RosterEntryView) => [
  v.schemeName,
  v.department,
  v.nameMasked,
  v.idMasked,
  v.villageName ?? v.villageId,
  v.townshipCode,
  v.periodStart,
  v.periodEnd,
  v.state === 'ineligible' && v.ineligible
    ? `核实不符合条件：${REASON_LABELS[v.ineligible.reason]}${v.ineligible.note ? `（${v.ineligible.note}）` : ''}`
    : '逾期未认证',
  chinaDateTimeOf(v.ineligible?.at ?? v.lapsedAt ?? v.updatedAt),
];

export const certify = defineFunction(
  'certify',
  { input: CertifyInput, output: CertifyOutput },
  {
    ...importHandlers,

    async runPass(ctx) {
      const admin = requireRole(ctx, 'admin');
      const report = await runCertifyPass(ctx.deps, { ms: RUN_NOW_MS });
      await ctx.deps.audit.appendAudit({ at: nowIso(ctx), actor: actorOf(admin), action: 'certify.runPass', note: JSON.stringify(report) });
      return { report };
    },

    async stats(ctx) {
      const admin = requireRole(ctx, 'admin');
      const [counts, state] = await Promise.all([ctx.deps.rosters.certifyCounts(), readPassState(ctx.deps)]);
      const scheme = counts.filter((c) => c.by === 'scheme');
      const township = counts.filter((c) => c.by === 'township');
      await ctx.deps.audit.appendAudit({ at: nowIso(ctx), actor: actorOf(admin), action: 'certify.stats' });
      return {
        total: countsOf('all', '全市', scheme),
        schemes: SCHEMES.map((s) =>
          countsOf(
            s.code,
            s.name,
            scheme.filter((c) => c.key === s.code),
          ),
        ),
        townships: TOWNSHIPS.map((t) =>
          countsOf(
            t.code,
            t.name,
            township.filter((c) => c.key === t.code),
          ),
        ),
        pass: {
          running: !!state.running,
          scanned: state.running?.scanned ?? 0,
          ...(state.running ? { startedAt: state.running.startedAt } : {}),
          ...(state.lastComplete ? { lastCompleteAt: state.lastComplete.at } : {}),
        },
        sources: ctx.deps.certifyRules.sources.map((s) => EVIDENCE_SOURCES[s]),
      };
    },

    async flagged(ctx, { schemeCode, page, pageSize }) {
      const admin = requireRole(ctx, 'admin');
      const found = await ctx.deps.rosters.flaggedEntries({ ...(schemeCode ? { schemeCode } : {}) }, { page, pageSize });
      await auditListRead(
        ctx,
        admin,
        'list.certify.flagged',
        { schemeCode, page },
        found.items.map((e) => e.id),
      );
      return { ...found, items: await viewsOf(ctx, found.items) };
    },

    async exportFlagged(ctx, { schemeCode }) {
      const admin = requireRole(ctx, 'admin');
      const views: RosterEntryView[] = [];
      let total = 0;
      for (let page = 1; views.length < EXPORT_LIMIT; page += 1) {
        const res = await ctx.deps.rosters.flaggedEntries({ ...(schemeCode ? { schemeCode } : {}) }, { page, pageSize: 500 });
        total = res.total;
        views.push(...(await viewsOf(ctx, res.items)));
        if (res.items.length < 500) break;
      }
      const rows = views.slice(0, EXPORT_LIMIT);
      const bytes = await writeXlsx('未认证名单', { header: HEADER, rows: rows.map(flaggedRow) });
      await auditListRead(
        ctx,
        admin,
        'export.certify.flagged',
        { schemeCode },
        rows.map((v) => v.id),
      );
      const day = chinaDateOf(nowIso(ctx))!.replace(/-/g, '');
      return {
        fileName: `未认证名单-${schemeCode ? schemeOf(schemeCode)?.name : '全部'}-${day}.xlsx`,
        dataBase64: bytes.toString('base64'),
        rows: rows.length,
        truncated: total > rows.length,
      };
    },

    async queue(ctx, { page, pageSize }) {
      const clerk = requireRole(ctx, 'clerk');
      if (!clerk.centerId) throw new AppError('FORBIDDEN');
      const found = await ctx.deps.rosters.certifyQueue(clerk.centerId, { page, pageSize });
      await auditListRead(
        ctx,
        clerk,
        'list.certify.queue',
        { page },
        found.items.map((e) => e.id),
      );
      return { ...found, items: await viewsOf(ctx, found.items) };
    },

    async record(ctx, input) {
      const clerk = requireRole(ctx, 'clerk');
      const [entry] = await ctx.deps.rosters.getRosterEntries([input.id]);
      if (!entry) throw new AppError('NOT_FOUND');
      if (entry.version !== input.version) throw new AppError('CONFLICT');
      if (input.photo && ctx.deps.files && ctx.deps.files.uploaderOf(input.photo) !== ctx.caller.subject)
        throw new AppError('VALIDATION_FAILED', { photo: '照片要由您本人上传' });
      if (input.result === 'ineligible' && !input.reason) throw new AppError('REASON_REQUIRED', { reason: '请选择未通过的原因' });
      const extra = { ...(input.note ? { note: input.note } : {}), ...(input.photo ? { photo: input.photo } : {}) };
      const finding: ClerkFinding =
        input.result === 'certified' ? { result: 'certified', way: input.way, ...extra } : { result: 'ineligible', reason: input.reason!, ...extra };
      const at = nowIso(ctx);
      const next = unwrap(recordFinding(entry, finding, { userId: clerk.id, name: clerk.nameMasked, centerId: clerk.centerId }, chinaDateOf(at)!, at));
      const audit = {
        at,
        actor: actorOf(clerk),
        action: `certify.${input.result}`,
        note: findingNote(entry, finding),
        ids: [entry.id],
        ...(clerk.centerId ? { centerId: clerk.centerId } : {}),
      };
      const saved = unwrap(await ctx.deps.rosters.updateRosterEntry(next, entry.version, [audit]));
      return { entry: await viewOf(ctx, saved) };
    },

    async mine(ctx) {
      const user = requireRole(ctx, 'resident');
      if (!user.idHash) throw new AppError('NOT_BOUND');
      const entries = await ctx.deps.rosters.rosterOfPerson(user.idHash);
      const dir = await ctx.deps.catalogue.directory();
      const home = dir.byId.get(entries[0]?.villageId ?? user.homeVillageId ?? '');
      return {
        items: entries.map((e) => {
          const last = e.certification ?? e.previous;
          const scheme = schemeOf(e.schemeCode);
          return {
            schemeCode: e.schemeCode,
            schemeName: scheme?.name ?? e.schemeCode,
            department: scheme?.department ?? '',
            state: e.state,
            periodStart: e.periodStart,
            periodEnd: e.periodEnd,
            dueBy: e.state === 'certified' && e.certification ? periodAfter(e.certification.on, scheme?.months ?? 12).periodEnd : e.periodEnd,
            last: last ? { on: last.on, method: last.method } : null,
          };
        }),
        village: home ? { id: home.id, name: home.name, phone: home.phone, address: home.address } : null,
      };
    },
  },
);
