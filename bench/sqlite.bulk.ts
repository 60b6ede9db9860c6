/**
 * Bench-only bulk seeding of a SQLite store file: the rows `createRequest` writes (the request
 * with its derived columns, its path rows, its audit trail), many requests per transaction,
 * then the queue counters and the indicators' cells recounted once. One transaction per request makes SQLite append every
 * touched page to the WAL on each commit; batching keeps 300,000 requests within a minute. The
 * rows and statements are the adapter's own (`requestRow`, its insert SQL, the counters'
 * recount); the bench checks a sample against the port afterwards.
 */
import Database from 'better-sqlite3';
import type { AuditEntry, Request } from '../shared/request.schema';
import { INSERT_PATH_ROW_SQL, INSERT_REQUEST_SQL, requestRow } from '../cloudfunctions/core/stores/sqlite.requests';
import { REBUILD_QUEUE_COUNTS_SQL } from '../cloudfunctions/core/stores/sqlite.counts';
import { rebuildCells } from '../cloudfunctions/core/stores/sqlite.indicators';

export type BulkWriter = { write(batch: readonly { request: Request; audit: AuditEntry[] }[]): void; close(): void };

/** Opens a second connection on the store's file for batched inserts. */
export const openBulkWriter = (file: string): BulkWriter => {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  // a large page cache keeps the growing indexes in memory between batches
  db.pragma('cache_size = -262144');
  const insert = db.prepare(INSERT_REQUEST_SQL);
  const putCenter = db.prepare(INSERT_PATH_ROW_SQL);
  const putAudit = db.prepare('INSERT INTO audit (request_id, at, center_id, action, doc) VALUES (?, ?, ?, ?, ?)');
  const write = db.transaction((batch: readonly { request: Request; audit: AuditEntry[] }[]) => {
    for (const { request: r, audit } of batch) {
      const { centers, ...row } = requestRow(r);
      insert.run(row);
      for (const centerId of centers) putCenter.run(r.id, centerId, row.overdue, row.submittedAt);
      for (const a of audit) putAudit.run(a.requestId ?? null, a.at, a.centerId ?? null, a.action, JSON.stringify(a));
    }
  });
  return {
    write: (batch) => write(batch),
    close: () => {
      db.exec(`BEGIN; ${REBUILD_QUEUE_COUNTS_SQL} COMMIT;`);
      db.transaction(() => rebuildCells(db))();
      db.close();
    },
  };
};
