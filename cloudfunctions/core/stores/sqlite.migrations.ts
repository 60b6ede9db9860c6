/**
 * The SQLite schema as a numbered list. Each migration runs once, in order, inside a
 * transaction, and is recorded in `schema_migrations`; a released migration is never
 * edited, a change is a new entry at the end.
 */
import type Database from 'better-sqlite3';

export type Migration = { id: number; name: string; sql: string };

/** The schema history, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'directory, catalogue, people',
    sql: `
      CREATE TABLE centers (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, township_code TEXT, name TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX centers_by_kind ON centers (kind, id);
      CREATE INDEX centers_by_township ON centers (township_code, kind, id);
      CREATE TABLE items (
        code TEXT PRIMARY KEY, level TEXT NOT NULL, audience TEXT NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX items_by_level ON items (level, code);
      CREATE INDEX items_by_audience ON items (audience, code);
      CREATE TABLE item_life_events (
        life_event TEXT NOT NULL, code TEXT NOT NULL REFERENCES items (code) ON DELETE CASCADE,
        PRIMARY KEY (life_event, code));
      CREATE INDEX item_life_events_by_code ON item_life_events (code);
      CREATE TABLE users (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE TABLE companies (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, credit_code TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX companies_by_credit_code ON companies (credit_code);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    id: 2,
    name: 'requests, audit, outbox',
    sql: `
      CREATE TABLE requests (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, applicant_user_id TEXT NOT NULL, company_id TEXT,
        state TEXT NOT NULL, holder_center_id TEXT NOT NULL, queue TEXT, overdue INTEGER NOT NULL,
        submitted_at TEXT NOT NULL, idempotency_key TEXT NOT NULL, handoff_code TEXT, doc TEXT NOT NULL,
        UNIQUE (applicant_user_id, idempotency_key));
      CREATE INDEX requests_by_queue ON requests (holder_center_id, queue, submitted_at DESC, id);
      CREATE INDEX requests_by_applicant ON requests (applicant_user_id, submitted_at DESC, id);
      CREATE INDEX requests_by_company ON requests (company_id, submitted_at DESC, id) WHERE company_id IS NOT NULL;
      CREATE INDEX requests_by_state ON requests (state, submitted_at DESC, id);
      CREATE INDEX requests_by_handoff_code ON requests (handoff_code) WHERE handoff_code IS NOT NULL;
      CREATE INDEX requests_overdue ON requests (id) WHERE overdue = 1;
      CREATE TABLE request_centers (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE, center_id TEXT NOT NULL,
        PRIMARY KEY (center_id, request_id));
      CREATE INDEX request_centers_by_request ON request_centers (request_id);
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT, at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX audit_by_request ON audit (request_id, at, seq);
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL, to_user_id TEXT, to_center_id TEXT,
        created_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX outbox_pending ON outbox (state, created_at, id);
      CREATE INDEX outbox_by_user ON outbox (to_user_id, created_at DESC, id) WHERE to_user_id IS NOT NULL;
      CREATE INDEX outbox_by_center ON outbox (to_center_id, created_at DESC, id) WHERE to_center_id IS NOT NULL;`,
  },
  {
    id: 3,
    name: 'audit by center and action, for the day figures of a center',
    sql: `
      ALTER TABLE audit ADD COLUMN center_id TEXT;
      ALTER TABLE audit ADD COLUMN action TEXT;
      UPDATE audit SET center_id = json_extract(doc, '$.centerId'), action = json_extract(doc, '$.action');
      CREATE INDEX audit_by_center ON audit (center_id, action, at) WHERE center_id IS NOT NULL;`,
  },
  {
    id: 4,
    name: 'notices to the administrators, read state per reader, the rectification queue',
    sql: `
      ALTER TABLE outbox ADD COLUMN to_role TEXT;
      CREATE INDEX outbox_by_role ON outbox (to_role, created_at DESC, id) WHERE to_role IS NOT NULL;
      CREATE TABLE outbox_reads (
        user_id TEXT NOT NULL, message_id TEXT NOT NULL REFERENCES outbox (id) ON DELETE CASCADE, read_at TEXT NOT NULL,
        PRIMARY KEY (user_id, message_id));
      ALTER TABLE requests ADD COLUMN rectify_center_id TEXT;
      UPDATE requests SET rectify_center_id = json_extract(doc, '$.deciderId') WHERE json_extract(doc, '$.rectification.state') = 'open';
      CREATE INDEX requests_by_rectify ON requests (rectify_center_id, submitted_at DESC, id) WHERE rectify_center_id IS NOT NULL;`,
  },
];

/** Applies every migration not yet recorded, in order; answers the ids it applied. */
export const migrate = (db: Database.Database, appliedAt: string, migrations: readonly Migration[] = MIGRATIONS): number[] => {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT id FROM schema_migrations').all().map((r) => (r as { id: number }).id));
  const pending = [...migrations].sort((a, b) => a.id - b.id).filter((m) => !done.has(m.id));
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, appliedAt);
    })();
  }
  return pending.map((m) => m.id);
};
