/**
 * The CloudBase side of SQLite's migration 32: companies written before the envelope fields
 * `homeKey` and `verifiedAt` existed lack them, so a home center's listing (`listCompanies`) does
 * not find them. This pass walks `companies` by `_id` in pages and, where the two fields are
 * missing or differ from what `companyColumns` derives from the stored `doc`, sets them with an
 * update conditional on the `version` it read: a company written since (every write sets both
 * fields, from the newer doc) is left as it is. Where they agree it writes nothing, so a second run
 * only reads. A run stopped by its budget keeps its cursor (the last `_id` done) in meta
 * `companyBackfill`, and the next run resumes after it; a complete pass removes the cursor.
 * `npm run cloudbase:setup` runs it after the indexes are made (tools/cloudbase-setup.ts).
 */
import type tcb from '@cloudbase/node-sdk';
import type { CompanyRecord } from './user.port';
import { companyColumns } from './store.columns';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Stored = { _id: string; version: number; homeKey?: unknown; verifiedAt?: unknown; doc: CompanyRecord };

/** The meta document that holds a stopped pass's cursor. */
export const COMPANY_BACKFILL_KEY = 'companyBackfill';
/** Companies a page reads. */
export const BACKFILL_PAGE = 100;

/** How much a run may do before it stops and leaves the rest to the next one. */
export type BackfillBudget = { ms?: number; pages?: number };
/** What a run did: companies read, fields set, left because they changed meanwhile; whether it reached the end. */
export type BackfillReport = { scanned: number; filled: number; raced: number; complete: boolean };

/** Fills the listing fields of companies that lack them, within the budget; safe to run again. */
export const backfillCompanyFields = async (
  db: Db,
  budget: BackfillBudget = {},
  options: { pageSize?: number; now?: () => number } = {},
): Promise<BackfillReport> => {
  const _ = db.command;
  const pageSize = options.pageSize ?? BACKFILL_PAGE;
  const now = options.now ?? Date.now;
  const started = now();
  const cursorDoc = db.collection('meta').doc(COMPANY_BACKFILL_KEY);
  const resumed = ((await cursorDoc.get()).data as { value: string }[])[0]?.value ?? null;
  const report: BackfillReport = { scanned: 0, filled: 0, raced: 0, complete: false };
  let after = resumed;
  for (let pages = 0; ; pages += 1) {
    if ((budget.pages !== undefined && pages >= budget.pages) || (budget.ms !== undefined && now() - started >= budget.ms)) {
      if (after !== resumed && after !== null) await cursorDoc.set({ value: after });
      return report;
    }
    const { data } = await db
      .collection('companies')
      .where(after === null ? {} : { _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(pageSize)
      .get();
    const page = data as Stored[];
    for (const e of page) {
      report.scanned += 1;
      const want = companyColumns(e.doc);
      if (e.homeKey === want.homeKey && e.verifiedAt === want.verifiedAt) continue;
      const res = await db.collection('companies').where({ _id: e._id, version: e.version }).update(want);
      if (res.updated === 1) report.filled += 1;
      else report.raced += 1; // written since it was read: that write set both fields from its own doc
    }
    if (page.length) after = page[page.length - 1]._id;
    if (page.length < pageSize) {
      if (resumed !== null) await cursorDoc.remove();
      return { ...report, complete: true };
    }
  }
};
