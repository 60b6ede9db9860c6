/**
 * Re-certification on SQLite: the `roster` table (the entry as JSON plus the columns its queries
 * need: the person's hash, the village queue, the outcome the indicators count) and the
 * `evidence` table (no JSON: a million rows of a few short columns, indexed by person and date).
 */
import { fail, ok } from '../../../shared/errors';
import { outcomeOf, queueOf } from '../../../shared/certify.terms';
import type { Evidence, RosterEntry } from '../../../shared/certify.schema';
import type { AuditEntry } from '../../../shared/request.schema';
import { allDocs, cond, pageQuery, prepared, where, type Db } from './sqlite.kit';
import { assertNextVersion } from './store.columns';
import type { CertifyCount, CertifyStore } from './certify.port';

const PASS_KEY = 'certifyPass';
/** SQLite's default limit of bound parameters is 32,766; lists are cut well below it. */
const CHUNK = 900;

const chunks = <T>(list: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

const columnsOf = (e: RosterEntry) => [
  e.version,
  e.idHash,
  e.schemeCode,
  e.villageId,
  e.townshipCode,
  outcomeOf(e),
  queueOf(e),
  e.periodEnd,
  JSON.stringify(e),
];

type EvidenceRow = { id: string; id_hash: string; source: Evidence['source']; date: string; ref: string | null; import_id: string };
const evidenceOfRow = (r: EvidenceRow): Evidence => ({
  id: r.id,
  idHash: r.id_hash,
  source: r.source,
  date: r.date,
  ...(r.ref ? { ref: r.ref } : {}),
  importId: r.import_id,
});

/** The CertifyStore over one connection; `writeAudit` is the adapter's audit writer, run inside the entry's transaction. */
export const certifyStore = (db: Db, writeAudit: (audit: AuditEntry[]) => void): CertifyStore => {
  const insert = prepared(
    db,
    `INSERT INTO roster (id, version, id_hash, scheme_code, village_id, township_code, outcome, queue, period_end, doc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const update = prepared(
    db,
    `UPDATE roster SET version = ?, id_hash = ?, scheme_code = ?, village_id = ?, township_code = ?, outcome = ?, queue = ?, period_end = ?, doc = ?
     WHERE id = ? AND version = ?`,
  );
  const putEvidenceRow = prepared(db, 'INSERT INTO evidence (id, id_hash, source, date, ref, import_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING');
  const write = (e: RosterEntry, expected: number | undefined): boolean =>
    expected === undefined ? insert.run(e.id, ...columnsOf(e)).changes === 1 : update.run(...columnsOf(e), e.id, expected).changes === 1;

  return {
    getRosterEntries: async (ids) =>
      chunks(ids).flatMap((part) => allDocs<RosterEntry>(db, `SELECT doc FROM roster WHERE id IN (${marks(part.length)})`, ...part)),
    putRosterEntries: async (entries, expected) => {
      const conflicts: string[] = [];
      let written = 0;
      db.transaction(() => {
        for (const e of entries) {
          if (write(e, expected.get(e.id))) written += 1;
          else conflicts.push(e.id);
        }
      })();
      return { written, conflicts };
    },
    updateRosterEntry: async (entry, expectedVersion, audit) => {
      assertNextVersion('roster', entry.version, expectedVersion);
      const done = db.transaction(() => {
        if (!write(entry, expectedVersion)) return false;
        writeAudit([...audit]);
        return true;
      })();
      if (done) return ok(entry);
      const exists = prepared(db, 'SELECT 1 FROM roster WHERE id = ?').get(entry.id);
      return fail(exists ? 'CONFLICT' : 'NOT_FOUND', undefined, `roster ${entry.id}`);
    },
    rosterAfter: async (afterId, limit) => allDocs<RosterEntry>(db, 'SELECT doc FROM roster WHERE id > ? ORDER BY id LIMIT ?', afterId ?? '', limit),
    rosterOfPerson: async (idHash) => allDocs<RosterEntry>(db, 'SELECT doc FROM roster WHERE id_hash = ? ORDER BY id', idHash),
    certifyQueue: async (villageId, page) =>
      pageQuery<RosterEntry>(db, 'roster', { sql: "WHERE village_id = ? AND queue = 'due'", params: [villageId] }, 'period_end, id', page),
    flaggedEntries: async (f, page) =>
      pageQuery<RosterEntry>(
        db,
        'roster',
        where([{ sql: "outcome IN ('lapsed', 'ineligible')", params: [] }, cond(f.schemeCode, 'scheme_code = ?')]),
        'scheme_code, period_end, id',
        page,
      ),
    certifyCounts: async () => {
      const bySchema = prepared(db, 'SELECT scheme_code AS key, outcome, COUNT(*) AS n FROM roster GROUP BY scheme_code, outcome').all() as Omit<
        CertifyCount,
        'by'
      >[];
      const byTownship = prepared(db, 'SELECT township_code AS key, outcome, COUNT(*) AS n FROM roster GROUP BY township_code, outcome').all() as Omit<
        CertifyCount,
        'by'
      >[];
      return [...bySchema.map((r) => ({ ...r, by: 'scheme' as const })), ...byTownship.map((r) => ({ ...r, by: 'township' as const }))];
    },
    putEvidence: async (records) => {
      let added = 0;
      db.transaction(() => {
        for (const r of records) added += putEvidenceRow.run(r.id, r.idHash, r.source, r.date, r.ref ?? null, r.importId).changes;
      })();
      return added;
    },
    knownEvidence: async (ids) =>
      new Set(
        chunks(ids).flatMap((part) =>
          (prepared(db, `SELECT id FROM evidence WHERE id IN (${marks(part.length)})`).all(...part) as { id: string }[]).map((r) => r.id),
        ),
      ),
    evidenceOf: async (idHashes, from, to, sources) =>
      chunks(idHashes, 500).flatMap((part) =>
        (
          prepared(
            db,
            `SELECT * FROM evidence WHERE id_hash IN (${marks(part.length)}) AND date >= ? AND date <= ? AND source IN (${marks(sources.length)})`,
          ).all(...part, from, to, ...sources) as EvidenceRow[]
        ).map(evidenceOfRow),
      ),
    getCertifyPass: async () => (prepared(db, 'SELECT value FROM meta WHERE key = ?').get(PASS_KEY) as { value: string } | undefined)?.value ?? null,
    putCertifyPass: async (state) => {
      prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PASS_KEY, state);
    },
  };
};
