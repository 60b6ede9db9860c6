/**
 * The SQLite schema as a numbered list. Each migration runs once, in order, inside a
 * transaction, and is recorded in `schema_migrations`; a released migration is never
 * edited, a change is a new entry at the end.
 */
import type Database from 'better-sqlite3';
import { COUNT_RECTIFY_SQL, REBUILD_HELD_COUNTS_SQL } from './sqlite.counts';
import { CREATE_INDICATOR_DAYS_SQL, INDICATOR_COLUMNS_V1, rebuildCells } from './sqlite.indicators';

const OPEN = `('submitted', 'prechecked', 'in_transit', 'accepted', 'paused', 'approved', 'refused')`;
/** An instant as toISOString spells it, so the scan columns compare as text the way store.columns writes them. */
const iso = (expr: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${expr})`;

/** A migration: its SQL, and, where the data must be derived by the domain's own code, a step run after it in the same transaction. */
export type Migration = { id: number; name: string; sql: string; after?: (db: Database.Database) => void };

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
    name: 'overdue scan columns, path rows that know overdue, queue counters',
    sql: `
      ALTER TABLE requests ADD COLUMN clock_deadline TEXT;
      ALTER TABLE requests ADD COLUMN clock_handoff TEXT;
      ALTER TABLE requests ADD COLUMN changed_at TEXT;
      UPDATE requests SET
        clock_deadline = CASE WHEN state = 'accepted' THEN ${iso("json_extract(doc, '$.deadline')")} END,
        clock_handoff = CASE WHEN state IN ${OPEN} THEN (
          SELECT MIN(${iso("json_extract(h.value, '$.sentAt')")}) FROM json_each(requests.doc, '$.handoffs') h
          WHERE json_extract(h.value, '$.state') = 'in_transit' AND COALESCE(json_extract(h.value, '$.overdue'), 0) = 0) END,
        changed_at = CASE WHEN state IN ${OPEN} THEN ${iso("json_extract(doc, '$.updatedAt')")} END;
      CREATE INDEX requests_by_deadline ON requests (clock_deadline, id) WHERE clock_deadline IS NOT NULL;
      CREATE INDEX requests_by_handoff_wait ON requests (clock_handoff, id) WHERE clock_handoff IS NOT NULL;
      CREATE INDEX requests_by_change ON requests (changed_at, id) WHERE changed_at IS NOT NULL;
      ALTER TABLE request_centers ADD COLUMN overdue INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE request_centers ADD COLUMN submitted_at TEXT NOT NULL DEFAULT '';
      UPDATE request_centers SET
        overdue = (SELECT r.overdue FROM requests r WHERE r.id = request_centers.request_id),
        submitted_at = (SELECT r.submitted_at FROM requests r WHERE r.id = request_centers.request_id);
      CREATE INDEX request_centers_overdue ON request_centers (center_id, submitted_at DESC, request_id) WHERE overdue = 1;
      CREATE TABLE queue_counts (
        center_id TEXT NOT NULL, queue TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (center_id, queue)) WITHOUT ROWID;
      ${REBUILD_HELD_COUNTS_SQL}`,
  },
  {
    id: 5,
    name: 'one account per ID number: users by ID hash, unique',
    // a database from before may hold one ID on several accounts: the earliest keeps the index
    // entry, the later ones stay readable but a re-bind of any of them meets the index
    sql: `
      ALTER TABLE users ADD COLUMN id_hash TEXT;
      UPDATE users SET id_hash = json_extract(doc, '$.idHash') WHERE rowid IN (
        SELECT MIN(rowid) FROM users WHERE json_extract(doc, '$.idHash') IS NOT NULL GROUP BY json_extract(doc, '$.idHash'));
      CREATE UNIQUE INDEX users_by_id_hash ON users (id_hash) WHERE id_hash IS NOT NULL;`,
  },
  {
    id: 6,
    name: 'audit by actor, for the trail of who read what',
    sql: `
      ALTER TABLE audit ADD COLUMN actor_user_id TEXT;
      UPDATE audit SET actor_user_id = json_extract(doc, '$.actor.userId');
      CREATE INDEX audit_by_actor ON audit (actor_user_id, seq);`,
  },
  {
    id: 7,
    name: 'the files each request carries, for who may see an uploaded photo',
    // a step only ever adds materials (a supplement), so rows are only added: no index by request is needed
    sql: `
      CREATE TABLE request_files (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE, file_id TEXT NOT NULL,
        PRIMARY KEY (file_id, request_id)) WITHOUT ROWID;
      INSERT OR IGNORE INTO request_files (request_id, file_id)
        SELECT r.id, json_extract(m.value, '$.fileId') FROM requests r, json_each(json_extract(r.doc, '$.materials')) m
        WHERE json_extract(m.value, '$.fileId') IS NOT NULL;`,
  },
  {
    id: 8,
    name: 'Open311 partner systems and their deferred filings',
    sql: `
      CREATE TABLE partners (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, key_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX partners_by_created ON partners (created_at, id);
      CREATE TABLE intakes (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, partner_id TEXT NOT NULL, state TEXT NOT NULL,
        created_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX intakes_pending ON intakes (state, created_at, id);`,
  },
  {
    id: 9,
    name: 'people by role and center; invitations to a role',
    sql: `
      ALTER TABLE users ADD COLUMN role TEXT;
      ALTER TABLE users ADD COLUMN center_id TEXT;
      UPDATE users SET role = json_extract(doc, '$.role'), center_id = json_extract(doc, '$.centerId');
      CREATE INDEX users_by_role ON users (role, center_id, id);
      CREATE INDEX users_by_center ON users (center_id, id) WHERE center_id IS NOT NULL;
      CREATE TABLE invites (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX invites_by_state ON invites (state, created_at DESC, id);
      CREATE INDEX invites_by_time ON invites (created_at DESC, id);`,
  },
  {
    id: 10,
    name: 'official holiday schedules entered by the administrator',
    sql: `CREATE TABLE calendar_years (id TEXT PRIMARY KEY, version INTEGER NOT NULL, year INTEGER NOT NULL, doc TEXT NOT NULL);`,
  },
  {
    id: 11,
    name: 'imports of the official lists, with the lists they replaced',
    sql: `
      CREATE TABLE imports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, state TEXT NOT NULL, doc TEXT NOT NULL,
        before_centers TEXT, before_items TEXT);`,
  },
  {
    id: 12,
    name: "audit by the person who acted, for the administrator's search",
    // migration 6 already keeps the actor in actor_user_id (indexed with seq): only the search by time is added here
    sql: `
      CREATE INDEX audit_by_actor_time ON audit (actor_user_id, at);
      CREATE INDEX audit_by_time ON audit (at);`,
  },
  {
    id: 13,
    name: 'notices to the administrators, read state per reader, the rectification queue',
    sql: `
      ALTER TABLE outbox ADD COLUMN to_role TEXT;
      CREATE INDEX outbox_by_role ON outbox (to_role, created_at DESC, id) WHERE to_role IS NOT NULL;
      CREATE TABLE outbox_reads (
        user_id TEXT NOT NULL, message_id TEXT NOT NULL REFERENCES outbox (id) ON DELETE CASCADE, read_at TEXT NOT NULL,
        PRIMARY KEY (user_id, message_id));
      ALTER TABLE requests ADD COLUMN rectify_center_id TEXT;
      UPDATE requests SET rectify_center_id = json_extract(doc, '$.deciderId') WHERE json_extract(doc, '$.rectification.state') = 'open';
      CREATE INDEX requests_by_rectify ON requests (rectify_center_id, submitted_at DESC, id) WHERE rectify_center_id IS NOT NULL;
      ${COUNT_RECTIFY_SQL}`,
  },
  {
    id: 14,
    name: "the indicators' counters per day and intake center; open rectification cases by deadline",
    // the cells are counted by shared/indicators.counters.ts from every stored request (the backfill)
    sql: `
      ${CREATE_INDICATOR_DAYS_SQL}
      ALTER TABLE requests ADD COLUMN rect_deadline TEXT;
      ALTER TABLE requests ADD COLUMN intake_center_id TEXT;
      UPDATE requests SET intake_center_id = json_extract(doc, '$.intakeCenterId'),
        rect_deadline = CASE WHEN json_extract(doc, '$.rectification.state') = 'open' THEN ${iso("json_extract(doc, '$.rectification.deadline')")} END;
      CREATE INDEX requests_by_rect_deadline ON requests (rect_deadline, intake_center_id, id) WHERE rect_deadline IS NOT NULL;`,
    after: (db) => void rebuildCells(db, INDICATOR_COLUMNS_V1),
  },
  {
    id: 16,
    name: 'claims on companies, checked by a clerk; the members of companies',
    // a person's one pending claim on a code is the unique index; an account bound before claims
    // existed (session.bindCompany) becomes its company's administrator
    sql: `
      CREATE TABLE company_claims (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, credit_code TEXT NOT NULL, claimant_id TEXT NOT NULL, center_id TEXT NOT NULL,
        state TEXT NOT NULL, licence_file_id TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE UNIQUE INDEX company_claims_one_pending ON company_claims (credit_code, claimant_id) WHERE state = 'pending';
      CREATE INDEX company_claims_by_center ON company_claims (center_id, state, created_at, id);
      CREATE INDEX company_claims_by_code ON company_claims (credit_code, state);
      CREATE INDEX company_claims_by_claimant ON company_claims (claimant_id, created_at);
      CREATE INDEX company_claims_by_file ON company_claims (licence_file_id);
      CREATE TABLE company_members (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, company_id TEXT NOT NULL, user_id TEXT NOT NULL, role TEXT NOT NULL,
        joined_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE UNIQUE INDEX company_members_by_company ON company_members (company_id, user_id);
      CREATE INDEX company_members_by_user ON company_members (user_id, joined_at);
      INSERT OR IGNORE INTO company_members (id, version, company_id, user_id, role, joined_at, doc)
        SELECT json_extract(doc, '$.companyId') || '~' || id, 1, json_extract(doc, '$.companyId'), id, 'admin', json_extract(doc, '$.updatedAt'),
          json_object('id', json_extract(doc, '$.companyId') || '~' || id, 'version', 1, 'companyId', json_extract(doc, '$.companyId'), 'userId', id,
            'role', 'admin', 'joinedAt', json_extract(doc, '$.updatedAt'), 'via', 'claim')
        FROM users WHERE json_extract(doc, '$.companyId') IS NOT NULL;`,
  },
  {
    id: 17,
    name: '云上宠企 demands, the centers on their path and the files they carry',
    sql: `
      CREATE TABLE demands (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, company_id TEXT NOT NULL, state TEXT NOT NULL, holder_center_id TEXT NOT NULL,
        raised_at TEXT NOT NULL, ack_due_at TEXT NOT NULL, answer_due_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX demands_by_company ON demands (company_id, raised_at DESC, id);
      CREATE INDEX demands_by_holder ON demands (holder_center_id, state, raised_at DESC, id);
      CREATE INDEX demands_by_raised ON demands (raised_at);
      -- covers the queue counts by path: a count never reads the documents
      CREATE INDEX demands_queue_facts ON demands (id, state, holder_center_id, ack_due_at, answer_due_at, raised_at);
      CREATE TABLE demand_centers (
        center_id TEXT NOT NULL, demand_id TEXT NOT NULL REFERENCES demands (id) ON DELETE CASCADE,
        PRIMARY KEY (center_id, demand_id)) WITHOUT ROWID;
      CREATE TABLE demand_files (
        file_id TEXT NOT NULL, demand_id TEXT NOT NULL REFERENCES demands (id) ON DELETE CASCADE,
        PRIMARY KEY (file_id, demand_id)) WITHOUT ROWID;`,
  },
  {
    id: 20,
    name: 'bookings: the centers schedules, the places taken per slot, and the bookings',
    sql: `
      CREATE TABLE booking_schedules (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE TABLE booking_slots (id TEXT PRIMARY KEY, center_id TEXT NOT NULL, date TEXT NOT NULL, taken INTEGER NOT NULL CHECK (taken >= 0));
      CREATE INDEX booking_slots_by_center ON booking_slots (center_id, date);
      CREATE TABLE bookings (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, code TEXT NOT NULL UNIQUE, slot_id TEXT NOT NULL, center_id TEXT NOT NULL,
        date TEXT NOT NULL, start_at TEXT NOT NULL, user_id TEXT NOT NULL, item_code TEXT NOT NULL, state TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE UNIQUE INDEX bookings_one_active ON bookings (user_id, item_code, date) WHERE state IN ('booked', 'checked_in');
      CREATE INDEX bookings_by_center_day ON bookings (center_id, date, start_at, id);
      CREATE INDEX bookings_by_user ON bookings (user_id, start_at, id);
      CREATE INDEX bookings_by_start ON bookings (state, start_at, id);`,
  },
  // 23-25: silent re-certification (cloudfunctions/core/stores/sqlite.certify.ts)
  {
    id: 23,
    name: 'silent re-certification: rosters and evidence',
    sql: `
      CREATE TABLE roster (
        id TEXT PRIMARY KEY, version INTEGER NOT NULL, id_hash TEXT NOT NULL, scheme_code TEXT NOT NULL,
        village_id TEXT NOT NULL, township_code TEXT NOT NULL, outcome TEXT NOT NULL, queue TEXT,
        period_end TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX roster_by_person ON roster (id_hash);
      CREATE INDEX roster_queue ON roster (village_id, queue, period_end, id) WHERE queue IS NOT NULL;
      CREATE INDEX roster_flagged ON roster (outcome, scheme_code, period_end, id);
      CREATE INDEX roster_by_township ON roster (township_code, outcome);
      CREATE TABLE evidence (
        id TEXT PRIMARY KEY, id_hash TEXT NOT NULL, source TEXT NOT NULL, date TEXT NOT NULL, ref TEXT, import_id TEXT NOT NULL);
      CREATE INDEX evidence_by_person ON evidence (id_hash, date);`,
  },
  // 30-31: the repair pass of slot counters (cloudfunctions/scheduler/booking.repair.ts)
  {
    id: 30,
    name: 'bookings: when a slot counter last changed, the counters by date, the bookings by slot',
    sql: `
      ALTER TABLE booking_slots ADD COLUMN touched_at TEXT;
      CREATE INDEX booking_slots_by_date ON booking_slots (date, id);
      CREATE INDEX bookings_by_slot ON bookings (slot_id, state);`,
  },
  {
    id: 32,
    name: "companies by their home and verification, for the home center's list of its companies",
    sql: `
      ALTER TABLE companies ADD COLUMN home_key TEXT;
      ALTER TABLE companies ADD COLUMN verified_at TEXT;
      UPDATE companies SET home_key = coalesce(json_extract(doc, '$.location.townshipCode'), json_extract(doc, '$.location')),
        verified_at = CASE WHEN json_extract(doc, '$.verifiedAt') IS NOT NULL THEN ${iso("json_extract(doc, '$.verifiedAt')")} END;
      CREATE INDEX companies_by_home ON companies (home_key, verified_at DESC, id) WHERE verified_at IS NOT NULL;`,
  },
];

/** Applies every migration not yet recorded, in order; answers the ids it applied. */
export const migrate = (db: Database.Database, appliedAt: string, migrations: readonly Migration[] = MIGRATIONS): number[] => {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set(
    db
      .prepare('SELECT id FROM schema_migrations')
      .all()
      .map((r) => (r as { id: number }).id),
  );
  const pending = [...migrations].sort((a, b) => a.id - b.id).filter((m) => !done.has(m.id));
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      m.after?.(db);
      record.run(m.id, m.name, appliedAt);
    })();
  }
  return pending.map((m) => m.id);
};
