/**
 * The SQLite adapter of every store port: the embedded default for local runs and single-server
 * pilots. better-sqlite3 is synchronous, so every method runs to completion before the next one
 * starts; the conditional writes still check `version` because a stale copy may come from an
 * earlier read by another caller.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Center } from '../../../shared/directory.schema';
import type { Item } from '../../../shared/catalogue.schema';
import type { AuditEntry, Request } from '../../../shared/request.schema';
import type { QueueName } from '../../../shared/api.schema';
import { OPEN_STATES } from '../../../shared/queue';
import { migrate } from './sqlite.migrations';
import { assertNextVersion, emptyCounts, offsetOf, requestColumns } from './store.columns';
import type { AuditStore } from './audit.port';
import type { CenterFilter, DirectoryStore, ItemFilter } from './directory.port';
import type { MetaStore } from './meta.port';
import type { OutboxRecord, OutboxStore, Recipient } from './outbox.port';
import type { RequestFilter, RequestStore } from './request.port';
import type { Page, PageOf } from './store.page';
import type { Stores } from './store.port';
import type { CompanyRecord, UserRecord, UserStore } from './user.port';

export type SqliteStoreOptions = { path: string; busyTimeoutMs?: number };

type Db = Database.Database;
type Where = { sql: string; params: unknown[] };
type DocRow = { doc: string };

const isUniqueViolation = (e: unknown): boolean =>
  typeof (e as { code?: unknown })?.code === 'string' && /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test((e as { code: string }).code);

const parse = <T>(row: unknown): T | null => (row ? (JSON.parse((row as DocRow).doc) as T) : null);
const parseAll = <T>(rows: unknown[]): T[] => rows.map((r) => JSON.parse((r as DocRow).doc) as T);

/** Joins optional conditions into one WHERE clause; an empty list matches everything. */
const where = (parts: (Where | null)[]): Where => {
  const used = parts.filter((p): p is Where => p !== null);
  return { sql: used.length ? `WHERE ${used.map((p) => p.sql).join(' AND ')}` : '', params: used.flatMap((p) => p.params) };
};
const cond = (value: unknown, sql: string, params: unknown[] = [value]): Where | null =>
  value === undefined || value === null || value === '' ? null : { sql, params };
const likeOf = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of docs plus the total, in a stable order. */
const pageQuery = <T>(db: Db, from: string, w: Where, order: string, page: Page, select = 'doc'): PageOf<T> => {
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${from} ${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = db.prepare(`SELECT ${select} FROM ${from} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...w.params, page.pageSize, offsetOf(page));
  return { items: parseAll<T>(rows), total, page: page.page, pageSize: page.pageSize };
};

/** Opens the database, making the parent folder of a file path, and brings the schema up to date. */
const open = (options: SqliteStoreOptions): Db => {
  const memory = options.path === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  if (!memory) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('synchronous = NORMAL');
  migrate(db, new Date().toISOString());
  return db;
};

/** One document by a query, or null. */
const getDoc = <T>(db: Db, sql: string, ...args: unknown[]): T | null => parse<T>(db.prepare(sql).get(...args));
/** Every document a query answers, in its order. */
const allDocs = <T>(db: Db, sql: string, ...args: unknown[]): T[] => parseAll<T>(db.prepare(sql).all(...args));

/** The directory and the catalogue: bulk upserts and filtered pages. */
const directoryStore = (db: Db): DirectoryStore => {
  const putCenter = db.prepare(
    `INSERT INTO centers (id, kind, township_code, name, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, township_code = excluded.township_code, name = excluded.name, doc = excluded.doc`);
  const putItem = db.prepare(
    `INSERT INTO items (code, level, audience, name, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET level = excluded.level, audience = excluded.audience, name = excluded.name, doc = excluded.doc`);
  const clearEvents = db.prepare('DELETE FROM item_life_events WHERE code = ?');
  const putEvent = db.prepare('INSERT INTO item_life_events (life_event, code) VALUES (?, ?)');
  const upsertCenters = db.transaction((centers: Center[]) => {
    for (const c of centers) putCenter.run(c.id, c.kind, c.townshipCode, c.name, JSON.stringify(c));
  });
  const upsertItems = db.transaction((items: Item[]) => {
    for (const i of items) {
      putItem.run(i.code, i.level, i.audience, i.name, JSON.stringify(i));
      clearEvents.run(i.code);
      for (const e of new Set(i.lifeEvents)) putEvent.run(e, i.code);
    }
  });
  return {
    getCenter: async (id) => getDoc<Center>(db, 'SELECT doc FROM centers WHERE id = ?', id),
    listCenters: async (f, page) => pageQuery<Center>(db, 'centers', centerWhere(f), 'id', page),
    allCenters: async () => allDocs<Center>(db, 'SELECT doc FROM centers ORDER BY id'),
    upsertCenters: async (centers) => upsertCenters(centers),
    getItem: async (code) => getDoc<Item>(db, 'SELECT doc FROM items WHERE code = ?', code),
    searchItems: async (f, page) => pageQuery<Item>(db, 'items', itemWhere(f), 'code', page),
    upsertItems: async (items) => upsertItems(items),
  };
};

/** Builds the WHERE clause for a center listing. */
const centerWhere = (f: CenterFilter): Where => where([
  cond(f.kind, 'kind = ?'),
  cond(f.townshipCode, 'township_code = ?'),
  cond(f.q, "name LIKE ? ESCAPE '\\'", [likeOf(f.q ?? '')]),
]);

/** Builds the WHERE clause for an item search. */
const itemWhere = (f: ItemFilter): Where => where([
  cond(f.level, 'level = ?'),
  cond(f.audience, 'audience = ?'),
  cond(f.q, "(name LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\')", [likeOf(f.q ?? ''), likeOf(f.q ?? '')]),
  cond(f.lifeEvent, 'code IN (SELECT code FROM item_life_events WHERE life_event = ?)'),
  f.codes ? { sql: `code IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(f.codes)] } : null,
]);

/** A versioned record table (users, companies, outbox): insert-or-DUPLICATE, or update-if-version. */
const versioned = <T extends { id: string; version: number }>(
  db: Db, table: string, columns: string[], values: (r: T) => unknown[],
) => {
  const names = ['version', ...columns, 'doc'];
  const insert = db.prepare(`INSERT INTO ${table} (id, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`);
  const update = db.prepare(`UPDATE ${table} SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND version = ?`);
  const exists = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
  return (record: T, expectedVersion?: number): Result<T> => {
    const doc = JSON.stringify(record);
    if (expectedVersion === undefined) {
      try {
        insert.run(record.id, record.version, ...values(record), doc);
        return ok(record);
      } catch (e) {
        if (isUniqueViolation(e)) return fail('DUPLICATE', undefined, `${table} ${record.id}`);
        throw e;
      }
    }
    assertNextVersion(table, record.version, expectedVersion);
    if (update.run(record.version, ...values(record), doc, record.id, expectedVersion).changes === 1) return ok(record);
    return exists.get(record.id) ? fail('CONFLICT', undefined, `${table} ${record.id}`) : fail('NOT_FOUND', undefined, `${table} ${record.id}`);
  };
};

/** Users and companies, each a versioned table. */
const userStore = (db: Db): UserStore => {
  const putUser = versioned<UserRecord>(db, 'users', [], () => []);
  const putCompany = versioned<CompanyRecord>(db, 'companies', ['credit_code'], (c) => [c.creditCode]);
  return {
    getUser: async (id) => getDoc<UserRecord>(db, 'SELECT doc FROM users WHERE id = ?', id),
    putUser: async (user, expectedVersion) => putUser(user, expectedVersion),
    getCompany: async (id) => getDoc<CompanyRecord>(db, 'SELECT doc FROM companies WHERE id = ?', id),
    findCompanyByCreditCode: async (code) => getDoc<CompanyRecord>(db, 'SELECT doc FROM companies WHERE credit_code = ? ORDER BY id LIMIT 1', code),
    putCompany: async (company, expectedVersion) => putCompany(company, expectedVersion),
  };
};

/** The outbox table: its writer (used inside a request step) and the port over it. */
const outboxTable = (db: Db) => {
  const put = versioned<OutboxRecord>(db, 'outbox', ['state', 'to_user_id', 'to_center_id', 'to_role', 'created_at'],
    (m) => [m.state, m.to.userId ?? null, m.to.centerId ?? null, m.to.role ?? null, m.createdAt]);
  const addressed = (to: Recipient, ...more: Where[]): Where => where([
    cond(to.userId, 'to_user_id = ?'), cond(to.centerId, 'to_center_id = ?'), cond(to.role, 'to_role = ?'), ...more,
  ]);
  const markOne = db.prepare('INSERT INTO outbox_reads (user_id, message_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const markTx = db.transaction((userId: string, ids: string[], at: string) => ids.reduce((n, id) => n + markOne.run(userId, id, at).changes, 0));
  const port: OutboxStore = {
    listOutbox: async (to, page) => pageQuery<OutboxRecord>(db, 'outbox', addressed(to), 'created_at DESC, id', page),
    pendingOutbox: async (limit) => allDocs<OutboxRecord>(db,
      "SELECT doc FROM outbox WHERE state = 'pending' ORDER BY created_at, id LIMIT ?", limit),
    updateOutbox: async (message, expectedVersion) => put(message, expectedVersion),
    markRead: async (userId, to, ids, at) => {
      const w = addressed(to, { sql: 'id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] });
      const mine = db.prepare(`SELECT id FROM outbox ${w.sql}`).all(...w.params) as { id: string }[];
      return markTx(userId, mine.map((m) => m.id), at);
    },
    readIds: async (userId, ids) => (db.prepare('SELECT message_id FROM outbox_reads WHERE user_id = ? AND message_id IN (SELECT value FROM json_each(?))')
      .all(userId, JSON.stringify(ids)) as { message_id: string }[]).map((r) => r.message_id),
    countUnread: async (to, userId) => {
      const w = addressed(to, { sql: 'NOT EXISTS (SELECT 1 FROM outbox_reads r WHERE r.user_id = ? AND r.message_id = outbox.id)', params: [userId] });
      return (db.prepare(`SELECT COUNT(*) AS n FROM outbox ${w.sql}`).get(...w.params) as { n: number }).n;
    },
  };
  return { put, port };
};

/** Writes audit entries; a request step calls it inside its transaction. */
const auditWriter = (db: Db) => {
  const putAudit = db.prepare('INSERT INTO audit (request_id, at, center_id, action, doc) VALUES (?, ?, ?, ?, ?)');
  return (audit: AuditEntry[]) => {
    for (const a of audit) putAudit.run(a.requestId ?? null, a.at, a.centerId ?? null, a.action, JSON.stringify(a));
  };
};

/** The audit trail of reads and actions that change no request, and a center's counts of the day. */
const auditStore = (db: Db, writeAudit: (audit: AuditEntry[]) => void): AuditStore => ({
  appendAudit: async (entry) => writeAudit([entry]),
  countActionsSince: async (centerId, since, actions) => {
    const rows = db.prepare(`SELECT action, COUNT(*) AS n FROM audit WHERE center_id = ? AND at >= ?
      AND action IN (SELECT value FROM json_each(?)) GROUP BY action`).all(centerId, since, JSON.stringify(actions)) as { action: string; n: number }[];
    return Object.fromEntries(actions.map((a) => [a, rows.find((r) => r.action === a)?.n ?? 0]));
  },
});

/** The request table, its path side table and the audit trail, always written together. */
const requestWrites = (db: Db, writeAudit: (audit: AuditEntry[]) => void, putOutbox: (m: OutboxRecord) => Result<OutboxRecord>) => {
  const insert = db.prepare(
    `INSERT INTO requests (id, version, applicant_user_id, company_id, state, holder_center_id, queue, overdue,
       submitted_at, idempotency_key, handoff_code, rectify_center_id, doc)
     VALUES (@id, @version, @applicantUserId, @companyId, @state, @holderCenterId, @queue, @overdue,
       @submittedAt, @idempotencyKey, @handoffCode, @rectifyCenterId, @doc)`);
  const update = db.prepare(
    `UPDATE requests SET version = @version, company_id = @companyId, state = @state, holder_center_id = @holderCenterId,
       queue = @queue, overdue = @overdue, handoff_code = @handoffCode, rectify_center_id = @rectifyCenterId, doc = @doc
     WHERE id = @id AND version = @expectedVersion`);
  const clearCenters = db.prepare('DELETE FROM request_centers WHERE request_id = ?');
  const putCenter = db.prepare('INSERT INTO request_centers (request_id, center_id) VALUES (?, ?)');
  const byKey = db.prepare('SELECT doc FROM requests WHERE applicant_user_id = ? AND idempotency_key = ?');
  const exists = db.prepare('SELECT 1 FROM requests WHERE id = ?');

  const params = (r: Request) => {
    const c = requestColumns(r);
    return {
      id: r.id, version: r.version, applicantUserId: c.applicantUserId, companyId: c.companyId, state: r.state,
      holderCenterId: r.holderCenterId, queue: c.queue, overdue: c.overdue ? 1 : 0, submittedAt: r.submittedAt,
      idempotencyKey: r.idempotencyKey, handoffCode: c.handoffCode, rectifyCenterId: c.rectifyCenterId, doc: JSON.stringify(r),
    };
  };
  const writeCenters = (r: Request) => {
    clearCenters.run(r.id);
    for (const centerId of requestColumns(r).pathCenters) putCenter.run(r.id, centerId);
  };
  const existing = (r: Request) => parse<Request>(byKey.get(r.applicant.userId, r.idempotencyKey));

  const queue = (outbox: OutboxRecord[]) => {
    for (const m of outbox) {
      const queued = putOutbox(m);
      if (!queued.ok) throw queued.error; // outbox ids are generated: a duplicate is a bug, and rolls the step back
    }
  };
  const createTx = db.transaction((r: Request, audit: AuditEntry[], outbox: OutboxRecord[]) => {
    insert.run(params(r));
    writeCenters(r);
    writeAudit(audit);
    queue(outbox);
  });
  const updateTx = db.transaction((next: Request, expectedVersion: number, audit: AuditEntry[], outbox: OutboxRecord[]): Result<Request> => {
    if (update.run({ ...params(next), expectedVersion }).changes !== 1) {
      return exists.get(next.id) ? fail('CONFLICT', undefined, `request ${next.id}`) : fail('NOT_FOUND', undefined, `request ${next.id}`);
    }
    writeCenters(next);
    writeAudit(audit);
    queue(outbox);
    return ok(next);
  });

  return {
    create(r: Request, audit: AuditEntry[], outbox: OutboxRecord[] = []): Result<{ request: Request; created: boolean }> {
      const found = existing(r);
      if (found) return ok({ request: found, created: false });
      try {
        createTx(r, audit, outbox);
        return ok({ request: r, created: true });
      } catch (e) {
        const raced = isUniqueViolation(e) ? existing(r) : null;
        if (raced) return ok({ request: raced, created: false });
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
const requestWhere = (f: RequestFilter): Where => where([
  cond(f.applicantUserId, 'applicant_user_id = ?'),
  cond(f.companyId, 'company_id = ?'),
  cond(f.state, 'state = ?'),
  cond(f.throughCenterId, 'id IN (SELECT request_id FROM request_centers WHERE center_id = ?)'),
]);

/** Which requests belong to a queue at a center; `overdue` looks along the whole path. */
const queueWhere = (centerId: string, queue: QueueName): Where => {
  // driven from the small partial index of overdue requests: at the city center the path table holds every request
  if (queue === 'overdue') return { sql: 'INDEXED BY requests_overdue WHERE overdue = 1 AND EXISTS (SELECT 1 FROM request_centers rc WHERE rc.center_id = ? AND rc.request_id = requests.id)', params: [centerId] };
  if (queue === 'rectify') return { sql: 'WHERE rectify_center_id = ?', params: [centerId] };
  return { sql: 'WHERE holder_center_id = ? AND queue = ?', params: [centerId, queue] };
};

/** Requests: the transactional writes, the listings and queues, the timeline. */
const requestStore = (db: Db, writes: ReturnType<typeof requestWrites>): RequestStore => ({
  getRequest: async (id) => getDoc<Request>(db, 'SELECT doc FROM requests WHERE id = ?', id),
  createRequest: async (request, audit, outbox) => writes.create(request, audit, outbox),
  updateRequest: async (next, expectedVersion, audit, outbox) => writes.update(next, expectedVersion, audit, outbox),
  listRequests: async (f, page) => pageQuery<Request>(db, 'requests', requestWhere(f), REQUEST_ORDER, page),
  listQueue: async (centerId, queue, page) => pageQuery<Request>(db, 'requests', queueWhere(centerId, queue), REQUEST_ORDER, page),
  countQueues: async (centerId) => countQueues(db, centerId),
  findRequestByHandoffCode: async (code) =>
    getDoc<Request>(db, 'SELECT doc FROM requests WHERE handoff_code = ? ORDER BY submitted_at DESC, id LIMIT 1', code),
  listOpenRequests: async (afterId, limit) => allDocs<Request>(db,
    `SELECT doc FROM requests WHERE state IN (SELECT value FROM json_each(?)) AND id > ? ORDER BY id LIMIT ?`,
    JSON.stringify(OPEN_STATES), afterId ?? '', limit),
  timeline: async (requestId) => allDocs<AuditEntry>(db, 'SELECT doc FROM audit WHERE request_id = ? ORDER BY at, seq', requestId),
});

/** Counts each queue held at a center, plus the overdue requests along any path through it. */
function countQueues(db: Db, centerId: string): Record<QueueName, number> {
  const counts = emptyCounts();
  const rows = db.prepare('SELECT queue, COUNT(*) AS n FROM requests WHERE holder_center_id = ? AND queue IS NOT NULL GROUP BY queue')
    .all(centerId) as { queue: QueueName; n: number }[];
  for (const r of rows) counts[r.queue] = r.n;
  for (const flag of ['overdue', 'rectify'] as const) {
    const w = queueWhere(centerId, flag);
    counts[flag] = (db.prepare(`SELECT COUNT(*) AS n FROM requests ${w.sql}`).get(...w.params) as { n: number }).n;
  }
  return counts;
}

/** Small settings: the first value written for a key wins. */
const metaStore = (db: Db): MetaStore => ({
  getMeta: async (key) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null,
  setMetaIfAbsent: async (key, value) => {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, value);
    return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
  },
});

/** Creates the SQLite store; `path` is a file (WAL mode) or ':memory:'. */
export function createSqliteStore(options: SqliteStoreOptions): Stores {
  const db = open(options);
  const writeAudit = auditWriter(db);
  const outbox = outboxTable(db);
  return {
    ...directoryStore(db),
    ...userStore(db),
    ...requestStore(db, requestWrites(db, writeAudit, outbox.put)),
    ...auditStore(db, writeAudit),
    ...outbox.port,
    ...metaStore(db),
    close: async () => {
      db.close();
    },
  };
}
