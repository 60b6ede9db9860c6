/**
 * Requests in SQLite: the row with its derived columns, one path row per center that may see
 * it, its audit trail, its notices, the queue counters and the indicators' cells, always written together in one
 * transaction; the queues, listings and the overdue scan's ranges, each read through an index.
 */
import { AppError, fail, ok, type Result } from '../../../shared/errors';
import type { AuditEntry, Request } from '../../../shared/request.schema';
import type { QueueName } from '../../../shared/api.schema';
import { OPEN_STATES } from '../../../shared/queue';
import type { ScanRange } from '../../../shared/overdue.lines';
import { allDocs, cond, getDoc, isUniqueViolation, pageQuery, parse, parseAll, prepared, where, type Db, type Where } from './sqlite.kit';
import { queueCounter, readCounts, type Counted } from './sqlite.counts';
import { cellWriter } from './sqlite.indicators';
import { counterDelta } from '../../../shared/indicators.counters';
import { assertNextVersion, repeatedCreate, requestColumns } from './store.columns';
import type { OutboxRecord } from './outbox.port';
import type { ClockCursor, RequestFilter, RequestStore } from './request.port';

type WriteAudit = (audit: AuditEntry[]) => void;
type PutOutbox = (m: OutboxRecord) => Result<OutboxRecord>;
type Row = { holder_center_id: string; queue: string | null; overdue: number; rectify_center_id: string | null; doc: string };

/** Inserts a request row, its columns bound by name from `requestRow`. */
export const INSERT_REQUEST_SQL = `INSERT INTO requests (id, version, applicant_user_id, company_id, state, holder_center_id, queue,
  overdue, submitted_at, idempotency_key, handoff_code, clock_deadline, clock_handoff, changed_at, rectify_center_id, rect_deadline,
  intake_center_id, doc)
  VALUES (@id, @version, @applicantUserId, @companyId, @state, @holderCenterId, @queue, @overdue, @submittedAt,
  @idempotencyKey, @handoffCode, @clockDeadline, @clockHandoff, @changedAt, @rectifyCenterId, @rectDeadline, @intakeCenterId, @doc)`;
/** Inserts one path row: request id, center id, the request's overdue flag and submission time. */
export const INSERT_PATH_ROW_SQL = 'INSERT INTO request_centers (request_id, center_id, overdue, submitted_at) VALUES (?, ?, ?, ?)';

/** The columns of a request row, by name, as the insert and the update bind them, and the centers of its path rows. */
export const requestRow = (r: Request) => {
  const c = requestColumns(r);
  return {
    id: r.id,
    version: r.version,
    applicantUserId: c.applicantUserId,
    companyId: c.companyId,
    state: r.state,
    holderCenterId: r.holderCenterId,
    queue: c.queue,
    overdue: c.overdue ? 1 : 0,
    submittedAt: r.submittedAt,
    idempotencyKey: r.idempotencyKey,
    handoffCode: c.handoffCode,
    clockDeadline: c.deadline,
    clockHandoff: c.handoffSentAt,
    changedAt: c.changedAt,
    rectifyCenterId: c.rectifyCenterId,
    rectDeadline: c.rectDeadline,
    intakeCenterId: r.intakeCenterId,
    doc: JSON.stringify(r),
    centers: c.pathCenters,
    files: c.fileIds,
  };
};

const counted = (p: ReturnType<typeof requestRow>): Counted => ({
  holder: p.holderCenterId,
  queue: p.queue,
  overdue: p.overdue === 1,
  centers: p.centers,
  rectify: p.rectifyCenterId,
});

/** The transactional writes: create (idempotent on applicant and key) and the versioned update. */
export const requestWrites = (db: Db, writeAudit: WriteAudit, putOutbox: PutOutbox) => {
  const insert = prepared(db, INSERT_REQUEST_SQL);
  const update = prepared(
    db,
    `UPDATE requests SET version = @version, company_id = @companyId, state = @state,
    holder_center_id = @holderCenterId, queue = @queue, overdue = @overdue, handoff_code = @handoffCode,
    clock_deadline = @clockDeadline, clock_handoff = @clockHandoff, changed_at = @changedAt, rectify_center_id = @rectifyCenterId,
    rect_deadline = @rectDeadline, doc = @doc
    WHERE id = @id AND version = @expectedVersion`,
  );
  const before = prepared(db, 'SELECT holder_center_id, queue, overdue, rectify_center_id, doc FROM requests WHERE id = ? AND version = ?');
  const centersOf = prepared(db, 'SELECT center_id FROM request_centers WHERE request_id = ?').pluck();
  const clearCenters = prepared(db, 'DELETE FROM request_centers WHERE request_id = ?');
  const putCenter = prepared(db, INSERT_PATH_ROW_SQL);
  // materials are only ever added (a supplement), so a file once carried stays carried
  const putFile = prepared(db, 'INSERT OR IGNORE INTO request_files (request_id, file_id) VALUES (?, ?)');
  const byKey = prepared(db, 'SELECT doc FROM requests WHERE applicant_user_id = ? AND idempotency_key = ?');
  const exists = prepared(db, 'SELECT 1 FROM requests WHERE id = ?');
  const count = queueCounter(db);
  const cells = cellWriter(db);

  const writeCenters = (p: ReturnType<typeof requestRow>) => {
    for (const centerId of p.centers) putCenter.run(p.id, centerId, p.overdue, p.submittedAt);
    for (const fileId of p.files) putFile.run(p.id, fileId);
  };
  const existing = (r: Request) => parse<Request>(byKey.get(r.applicant.userId, r.idempotencyKey));

  const queue = (outbox: OutboxRecord[]) => {
    for (const m of outbox) {
      const queued = putOutbox(m);
      if (!queued.ok) throw AppError.of(queued.error); // outbox ids are generated: a duplicate is a bug, and rolls the step back
    }
  };
  const createTx = db.transaction((r: Request, audit: AuditEntry[], outbox: OutboxRecord[]) => {
    const p = requestRow(r);
    insert.run(p);
    writeCenters(p);
    count(null, counted(p));
    cells(counterDelta(null, r));
    writeAudit(audit);
    queue(outbox);
  });
  const updateTx = db.transaction((next: Request, expectedVersion: number, audit: AuditEntry[], outbox: OutboxRecord[]): Result<Request> => {
    const old = before.get(next.id, expectedVersion) as Row | undefined;
    if (!old) return exists.get(next.id) ? fail('CONFLICT', undefined, `request ${next.id}`) : fail('NOT_FOUND', undefined, `request ${next.id}`);
    const was: Counted = {
      holder: old.holder_center_id,
      queue: old.queue,
      overdue: old.overdue === 1,
      centers: centersOf.all(next.id) as string[],
      rectify: old.rectify_center_id,
    };
    const p = requestRow(next);
    update.run({ ...p, expectedVersion });
    clearCenters.run(next.id);
    writeCenters(p);
    count(was, counted(p));
    cells(counterDelta(JSON.parse(old.doc) as Request, next));
    writeAudit(audit);
    queue(outbox);
    return ok(next);
  });

  return {
    create(r: Request, audit: AuditEntry[], outbox: OutboxRecord[] = []): Result<{ request: Request; created: boolean }> {
      const found = existing(r);
      if (found) return repeatedCreate(found, found.idempotencyHash, r);
      try {
        createTx(r, audit, outbox);
        return ok({ request: r, created: true });
      } catch (e) {
        const raced = isUniqueViolation(e) ? existing(r) : null;
        if (raced) return repeatedCreate(raced, raced.idempotencyHash, r);
        if (isUniqueViolation(e)) return fail('DUPLICATE', undefined, `request ${r.id}`);
        throw e;
      }
    },
    update(next: Request, expectedVersion: number, audit: AuditEntry[], outbox: OutboxRecord[] = []): Result<Request> {
      assertNextVersion('request', next.version, expectedVersion);
      return updateTx(next, expectedVersion, audit, outbox);
    },
  };
};

const REQUEST_ORDER = 'submitted_at DESC, id';

/** Builds the WHERE clause for a request listing. */
const requestWhere = (f: RequestFilter): Where =>
  where([
    cond(f.applicantUserId, 'applicant_user_id = ?'),
    cond(f.companyId, 'company_id = ?'),
    cond(f.state, 'state = ?'),
    cond(f.throughCenterId, 'id IN (SELECT request_id FROM request_centers WHERE center_id = ?)'),
  ]);

/**
 * One page of a queue at a center, its total from the counters. The held queues read the
 * (holder, queue, submitted_at) index, `rectify` the (rectify center, submitted_at) one; `overdue` reads the path rows' partial index of overdue
 * ones, which carries the submission time, so no page needs a sort.
 */
const queuePage = (db: Db, centerId: string, queue: QueueName, page: { page: number; pageSize: number }) => {
  const total = readCounts(db, centerId)[queue];
  if (queue === 'rectify') return pageQuery<Request>(db, 'requests', { sql: 'WHERE rectify_center_id = ?', params: [centerId] }, REQUEST_ORDER, page, total);
  if (queue !== 'overdue')
    return pageQuery<Request>(db, 'requests', { sql: 'WHERE holder_center_id = ? AND queue = ?', params: [centerId, queue] }, REQUEST_ORDER, page, total);
  const rows = prepared(
    db,
    `SELECT r.doc FROM request_centers rc JOIN requests r ON r.id = rc.request_id
    WHERE rc.center_id = ? AND rc.overdue = 1 ORDER BY rc.submitted_at DESC, rc.request_id LIMIT ? OFFSET ?`,
  ).all(centerId, page.pageSize, (page.page - 1) * page.pageSize);
  return { items: parseAll<Request>(rows), total, page: page.page, pageSize: page.pageSize };
};

/** The column of each scan line (store.columns `clockColumns`), each with a partial index on (value, id). */
const CLOCK_COLUMN: Record<ScanRange['line'], string> = { deadline: 'clock_deadline', handoffSentAt: 'clock_handoff', changedAt: 'changed_at' };

/** One page of a scan range, keyset-paginated on (value, id). */
const clockPage = (db: Db, range: ScanRange, after: ClockCursor | null, limit: number) => {
  const col = CLOCK_COLUMN[range.line];
  const w = where([
    { sql: `${col} IS NOT NULL`, params: [] },
    cond(range.from, `${col} >= ?`),
    cond(range.to, `${col} < ?`),
    after ? { sql: `(${col}, id) > (?, ?)`, params: [after.at, after.id] } : null,
  ]);
  const rows = prepared(db, `SELECT doc, ${col} AS at, id FROM requests ${w.sql} ORDER BY ${col}, id LIMIT ?`).all(...w.params, limit) as {
    doc: string;
    at: string;
    id: string;
  }[];
  const last = rows[rows.length - 1];
  return { requests: parseAll<Request>(rows), next: rows.length === limit && last ? { at: last.at, id: last.id } : null };
};

/** Requests: the transactional writes, the listings and queues, the scan's walks, the timeline. */
export const requestStore = (db: Db, writes: ReturnType<typeof requestWrites>): RequestStore => ({
  getRequest: async (id) => getDoc<Request>(db, 'SELECT doc FROM requests WHERE id = ?', id),
  createRequest: async (request, audit, outbox) => writes.create(request, audit, outbox),
  updateRequest: async (next, expectedVersion, audit, outbox) => writes.update(next, expectedVersion, audit, outbox),
  listRequests: async (f, page) => pageQuery<Request>(db, 'requests', requestWhere(f), REQUEST_ORDER, page),
  listQueue: async (centerId, queue, page) => queuePage(db, centerId, queue, page),
  countQueues: async (centerId) => readCounts(db, centerId),
  findRequestByHandoffCode: async (code) => getDoc<Request>(db, 'SELECT doc FROM requests WHERE handoff_code = ? ORDER BY submitted_at DESC, id LIMIT 1', code),
  requestsWithFile: async (fileId, limit) =>
    allDocs<Request>(db, 'SELECT doc FROM requests WHERE id IN (SELECT request_id FROM request_files WHERE file_id = ?) ORDER BY id LIMIT ?', fileId, limit),
  // `+state` keeps the planner on the primary key: through the state index every page would sort all open rows
  listOpenRequests: async (afterId, limit) =>
    allDocs<Request>(
      db,
      'SELECT doc FROM requests WHERE id > ? AND +state IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?',
      afterId ?? '',
      JSON.stringify(OPEN_STATES),
      limit,
    ),
  listByClock: async (range, after, limit) => clockPage(db, range, after, limit),
  timeline: async (requestId) => allDocs<AuditEntry>(db, 'SELECT doc FROM audit WHERE request_id = ? ORDER BY at, seq', requestId),
});
