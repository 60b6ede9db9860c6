/**
 * Bench-only bulk seeding of a SQLite store file: the rows `createRequest` writes (the request
 * with its derived columns, its path rows, its audit trail), many requests per transaction.
 * One transaction per request makes SQLite append every touched page to the WAL on each
 * commit; batching keeps 100,000 requests within seconds. The columns come from the same
 * `requestColumns` the adapter uses; the bench checks a sample against the port afterwards.
 */
import Database from 'better-sqlite3';
import type { AuditEntry, Request } from '../shared/request.schema';
import { requestColumns } from '../cloudfunctions/core/stores/store.columns';

export type BulkWriter = { write(batch: readonly { request: Request; audit: AuditEntry[] }[]): void; close(): void };

/** Opens a second connection on the store's file for batched inserts. */
export const openBulkWriter = (file: string): BulkWriter => {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  // a large page cache keeps the growing indexes in memory between batches
  db.pragma('cache_size = -262144');
  const insert = db.prepare(
    `INSERT INTO requests (id, version, applicant_user_id, company_id, state, holder_center_id, queue, overdue,
       submitted_at, idempotency_key, handoff_code, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const putCenter = db.prepare('INSERT INTO request_centers (request_id, center_id) VALUES (?, ?)');
  const putAudit = db.prepare('INSERT INTO audit (request_id, at, center_id, action, doc) VALUES (?, ?, ?, ?, ?)');
  const write = db.transaction((batch: readonly { request: Request; audit: AuditEntry[] }[]) => {
    for (const { request: r, audit } of batch) {
      const c = requestColumns(r);
      insert.run(r.id, r.version, c.applicantUserId, c.companyId, r.state, r.holderCenterId, c.queue, c.overdue ? 1 : 0,
        r.submittedAt, r.idempotencyKey, c.handoffCode, JSON.stringify(r));
      for (const centerId of c.pathCenters) putCenter.run(r.id, centerId);
      for (const a of audit) putAudit.run(a.requestId ?? null, a.at, a.centerId ?? null, a.action, JSON.stringify(a));
    }
  });
  return { write: (batch) => write(batch), close: () => db.close() };
};
