/**
 * certify: the administrator's roster and evidence imports, on the catalogue imports' pattern:
 * a dry run answers the report, applying needs the hash that dry run answered. The ID number in
 * each row becomes its keyed hash and mask while the file is read; the number itself is never
 * stored, logged or answered (the report names rows by number and masked ID).
 * A roster file adds people and moves them between villages; it never drops anyone (a person
 * leaves a roster by a clerk's finding). Evidence is only added, once per record.
 */
import { AppError } from '../../shared/errors';
import { EVIDENCE_SOURCES, schemeOf, type Evidence, type RosterEntry } from '../../shared/certify.schema';
import { parseEvidence, parseRoster, type RosterRow } from '../../shared/certify.import';
import { REPORT_LIMIT, type ImportIssue } from '../../shared/import.report';
import type { CertifyImportReport } from '../../shared/api.certify.schema';
import { chinaDateOf } from '../../shared/china.time';
import type { Handlers } from '../core/edge/dispatch';
import { actorOf, requireRole } from '../core/identity/caller';
import { idHashOf } from '../core/identity/id.hash';
import { nowIso, type Ctx } from '../core/services/context';
import { fileHashOf, readRows } from '../core/services/import.files';
import { markCertifyChanged } from '../core/services/certify.pass';

type ImportInput = { file: { name: string; dataBase64: string }; dryRun: boolean; confirmHash?: string };

const reportOf = (kind: CertifyImportReport['kind'], rowsRead: number, p: { errors: ImportIssue[]; warnings: ImportIssue[] }) => ({
  kind,
  rowsRead,
  errors: p.errors.slice(0, REPORT_LIMIT),
  warnings: p.warnings.slice(0, REPORT_LIMIT),
  retire: [],
});

/** Reads the file's rows, or answers a report whose one error says why it could not be read. */
const rowsOf = async (kind: CertifyImportReport['kind'], input: ImportInput) => {
  const bytes = Buffer.from(input.file.dataBase64, 'base64');
  const rows = await readRows(input.file.name, bytes);
  const fileHash = fileHashOf(bytes);
  if (rows.ok) return { rows: rows.value, fileHash, failed: null };
  const failed: CertifyImportReport = {
    ...reportOf(kind, 0, { errors: [{ message: rows.reason }], warnings: [] }),
    counts: { add: 0, change: 0, retire: 0, unchanged: 0 },
    add: [],
    change: [],
  };
  return { rows: null, fileHash, failed };
};

/** Applying: the same file as the dry run, and no error in it. */
const mayApply = (input: ImportInput, fileHash: string, report: CertifyImportReport) => {
  if (input.confirmHash !== fileHash) throw new AppError('VALIDATION_FAILED', { confirmHash: '请先检查这份文件，再确认导入' });
  if (report.errors.length) throw new AppError('IMPORT_INVALID');
};

/** What a roster row changes on a stored entry: the village (and its township) and the masked name. */
const rosterChange = (old: RosterEntry, row: RosterRow) =>
  [
    old.villageId !== row.villageId ? { field: '村居编号', from: old.villageId, to: row.villageId } : null,
    old.nameMasked !== row.nameMasked ? { field: '姓名', from: old.nameMasked, to: row.nameMasked } : null,
  ].filter((f): f is { field: string; from: string; to: string } => f !== null);

const label = (row: Pick<RosterRow, 'idMasked' | 'schemeCode'>) => `${row.idMasked} ${schemeOf(row.schemeCode)?.name ?? row.schemeCode}`;

export const importHandlers: Pick<Handlers<'certify'>, 'importRoster' | 'importEvidence'> = {
  async importRoster(ctx: Ctx, input) {
    const admin = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const read = await rowsOf('roster', input);
    if (!read.rows) return { report: read.failed!, fileHash: read.fileHash, applied: null };
    const dir = await ctx.deps.catalogue.directory();
    const villages = new Map([...dir.byId.values()].flatMap((c) => (c.kind === 'village' && c.townshipCode ? [[c.id, c.townshipCode] as const] : [])));
    const parsed = parseRoster(read.rows, { hash: (v) => idHashOf(ctx, v), villages, today: chinaDateOf(at)! });
    const stored = new Map((await ctx.deps.rosters.getRosterEntries(parsed.records.map((r) => r.id))).map((e) => [e.id, e]));
    const importId = ctx.deps.newId('cimp');
    const writes: RosterEntry[] = [];
    const change: CertifyImportReport['change'] = [];
    const warnings = [...parsed.warnings];
    let unchanged = 0;
    for (const row of parsed.records) {
      const old = stored.get(row.id);
      if (!old) {
        writes.push({ ...row, version: 1, state: 'pending', importId, updatedAt: at });
        continue;
      }
      if (old.periodStart !== row.periodStart || old.periodEnd !== row.periodEnd)
        warnings.push({ message: `${label(row)}已在名册中，认证期沿用已有的 ${old.periodStart} 至 ${old.periodEnd}` });
      const fields = rosterChange(old, row);
      if (!fields.length) unchanged += 1;
      else {
        change.push({ id: label(row), fields });
        writes.push({ ...old, villageId: row.villageId, townshipCode: row.townshipCode, nameMasked: row.nameMasked, version: old.version + 1, updatedAt: at });
      }
    }
    const added = writes.filter((w) => w.version === 1);
    const report: CertifyImportReport = {
      ...reportOf('roster', read.rows.rows.length, { errors: parsed.errors, warnings }),
      counts: { add: added.length, change: change.length, retire: 0, unchanged },
      add: added.slice(0, REPORT_LIMIT).map(label),
      change: change.slice(0, REPORT_LIMIT),
    };
    if (input.dryRun) return { report, fileHash: read.fileHash, applied: null };
    mayApply(input, read.fileHash, report);
    const result = await ctx.deps.rosters.putRosterEntries(writes, new Map([...stored.values()].map((e) => [e.id, e.version])));
    await markCertifyChanged(ctx.deps);
    await ctx.deps.audit.appendAudit({
      at,
      actor: actorOf(admin),
      action: 'certify.importRoster',
      note: `${importId} ${read.fileHash.slice(0, 12)} 新增${added.length} 修改${change.length} 冲突${result.conflicts.length}`,
    });
    return { report, fileHash: read.fileHash, applied: { importId, written: result.written, conflicts: result.conflicts.length } };
  },

  async importEvidence(ctx: Ctx, input) {
    const admin = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const read = await rowsOf('evidence', input);
    if (!read.rows) return { report: read.failed!, fileHash: read.fileHash, applied: null };
    const importId = ctx.deps.newId('cimp');
    const parsed = parseEvidence(read.rows, { hash: (v) => idHashOf(ctx, v), today: chinaDateOf(at)! }, importId);
    const known = await ctx.deps.rosters.knownEvidence(parsed.records.map((r) => r.id));
    const fresh: Evidence[] = parsed.records.filter((r) => !known.has(r.id));
    const quiet = [...new Set(fresh.map((r) => r.source))].filter((s) => !ctx.deps.certifyRules.sources.includes(s));
    const warnings = [...parsed.warnings, ...quiet.map((s) => ({ message: `“${EVIDENCE_SOURCES[s]}”的记录会保存，但按当前设置不用于静默认证` }))];
    const report: CertifyImportReport = {
      ...reportOf('evidence', read.rows.rows.length, { errors: parsed.errors, warnings }),
      counts: { add: fresh.length, change: 0, retire: 0, unchanged: known.size },
      add: fresh.slice(0, REPORT_LIMIT).map((r) => `${EVIDENCE_SOURCES[r.source]} ${r.date} ${r.id}`),
      change: [],
    };
    if (input.dryRun) return { report, fileHash: read.fileHash, applied: null };
    mayApply(input, read.fileHash, report);
    const added = await ctx.deps.rosters.putEvidence(fresh);
    await markCertifyChanged(ctx.deps);
    await ctx.deps.audit.appendAudit({
      at,
      actor: actorOf(admin),
      action: 'certify.importEvidence',
      note: `${importId} ${read.fileHash.slice(0, 12)} 新增${added}`,
    });
    return { report, fileHash: read.fileHash, applied: { importId, added } };
  },
};
