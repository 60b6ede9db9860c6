/**
 * The SQLite adapter of the company side: claims (one pending claim per person and code, held
 * by a partial unique index), memberships, and demands with the centers on their path and the
 * files they carry. A verification and a demand step are each one transaction.
 */
import { fail, ok, type Result } from '../../../shared/errors';
import type { CompanyClaim, CompanyMember } from '../../../shared/company.schema';
import { OPEN_DEMAND_STATES } from '../../../shared/demand.terms';
import type { Demand } from '../../../shared/demand.schema';
import type { DemandFacts } from '../../../shared/demand.stats';
import { Rollback, allDocs, cond, getDoc, pageQuery, prepared, versioned, violates, where, type Db, type Where } from './sqlite.kit';
import type { ClaimFilter, ClaimVerification, CompanyStore } from './company.port';
import type { DemandFilter, DemandStore } from './demand.port';
import type { OutboxRecord } from './outbox.port';
import type { CompanyRecord } from './user.port';
import { companyColumns } from './store.columns';

type OutboxPut = (m: OutboxRecord, expectedVersion?: number) => Result<OutboxRecord>;

/** The membership writer; the invitation redeem uses it inside its own transaction. */
export const memberWriter = (db: Db) =>
  versioned<CompanyMember>(db, 'company_members', ['company_id', 'user_id', 'role', 'joined_at'], (m) => [m.companyId, m.userId, m.role, m.joinedAt]);

/** The companies writer: the credit code, and the home and verification time a home center lists them by. */
export const companyWriter = (db: Db) =>
  versioned<CompanyRecord>(db, 'companies', ['credit_code', 'home_key', 'verified_at'], (c) => {
    const cols = companyColumns(c);
    return [c.creditCode, cols.homeKey, cols.verifiedAt];
  });

const claimWriter = (db: Db) =>
  versioned<CompanyClaim>(
    db,
    'company_claims',
    ['credit_code', 'claimant_id', 'center_id', 'state', 'licence_file_id', 'created_at'],
    (c) => [c.creditCode, c.claimantId, c.centerId, c.state, c.licenceFileId, c.createdAt],
    (e) => (violates(e, 'company_claims.credit_code') ? fail('CLAIM_PENDING', { creditCode: 'CLAIM_PENDING' }) : null),
  );

const claimWhere = (f: ClaimFilter): Where =>
  where([cond(f.centerId, 'center_id = ?'), cond(f.state, 'state = ?'), cond(f.creditCode, 'credit_code = ?'), cond(f.claimantId, 'claimant_id = ?')]);

/** Throws the failure out of a transaction, or answers the value. */
const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Rollback(r);
  return r.value;
};
/** Runs a transaction whose failures travel as Rollback, answering them as values. */
const answered = <T>(work: () => Result<T>): Result<T> => {
  try {
    return work();
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
};

/** Claims and members. */
const companyStore = (db: Db, putOutbox: OutboxPut): CompanyStore => {
  const putClaim = claimWriter(db);
  const putMember = memberWriter(db);
  const putCompany = companyWriter(db);
  const verify = db.transaction((v: ClaimVerification) => {
    const claim = must(putClaim(v.claim, v.expectedVersion));
    for (const r of v.refused) must(putClaim(r.claim, r.expectedVersion));
    must(putCompany(v.company, v.companyExpectedVersion));
    const existing = getDoc<CompanyMember>(db, 'SELECT doc FROM company_members WHERE id = ?', v.admin.id);
    must(existing ? putMember({ ...v.admin, version: existing.version + 1 }, existing.version) : putMember(v.admin));
    return ok(claim);
  });
  const change = db.transaction((c: CompanyRecord, expectedVersion: number, outbox: OutboxRecord[]) => {
    const saved = must(putCompany(c, expectedVersion));
    for (const m of outbox) must(putOutbox(m));
    return ok(saved);
  });
  const remove = prepared(db, 'DELETE FROM company_members WHERE id = ? AND version = ?');
  const pair = db.transaction((members: [CompanyMember, number][]) => ok(members.map(([m, v]) => must(putMember(m, v)))));
  return {
    createClaim: async (claim) => putClaim(claim),
    getClaim: async (id) => getDoc<CompanyClaim>(db, 'SELECT doc FROM company_claims WHERE id = ?', id),
    listClaims: async (f, page) => pageQuery<CompanyClaim>(db, 'company_claims', claimWhere(f), 'created_at, id', page),
    refuseClaim: async (next, expectedVersion) => putClaim(next, expectedVersion),
    verifyClaim: async (v) => answered(() => verify(v)),
    updateCompany: async (c, expectedVersion, outbox) => answered(() => change(c, expectedVersion, outbox)),
    claimsWithFile: async (fileId, limit) => allDocs<CompanyClaim>(db, 'SELECT doc FROM company_claims WHERE licence_file_id = ? LIMIT ?', fileId, limit),
    getMember: async (companyId, userId) =>
      getDoc<CompanyMember>(db, 'SELECT doc FROM company_members WHERE company_id = ? AND user_id = ?', companyId, userId),
    listMembers: async (companyId) =>
      allDocs<CompanyMember>(db, "SELECT doc FROM company_members WHERE company_id = ? ORDER BY role = 'admin' DESC, joined_at, id", companyId),
    listMemberships: async (userId) => allDocs<CompanyMember>(db, 'SELECT doc FROM company_members WHERE user_id = ? ORDER BY joined_at, id', userId),
    putMember: async (member, expectedVersion) => putMember(member, expectedVersion),
    removeMember: async (member, expectedVersion) => {
      if (remove.run(member.id, expectedVersion).changes === 1) return ok(true);
      return getDoc(db, 'SELECT doc FROM company_members WHERE id = ?', member.id) ? fail('CONFLICT') : fail('MEMBER_NOT_FOUND');
    },
    putMembers: async (members) => answered(() => pair(members)),
  };
};

const OPEN_SQL = `(${OPEN_DEMAND_STATES.map((s) => `'${s}'`).join(', ')})`;

/** The WHERE clause of a demand listing. */
const demandWhere = (f: DemandFilter): Where =>
  where([
    cond(f.companyId, 'd.company_id = ?'),
    cond(f.holderCenterId, 'd.holder_center_id = ?'),
    cond(f.pathCenterId, 'd.id IN (SELECT demand_id FROM demand_centers WHERE center_id = ?)'),
    cond(f.notHolderCenterId, 'd.holder_center_id <> ?'),
    // a literal list (the states are a closed enum) lets SQLite use the holder index, which json_each would hide
    f.states ? { sql: `d.state IN (${f.states.map(() => '?').join(', ')})`, params: [...f.states] } : null,
    cond(f.overdueAt, `((d.state = 'raised' AND d.ack_due_at < ?) OR (d.state IN ${OPEN_SQL} AND d.answer_due_at < ?))`, [f.overdueAt, f.overdueAt]),
  ]);

/** Demands, their path rows and files, written with their notices. */
const demandStore = (db: Db, putOutbox: OutboxPut): DemandStore => {
  const put = versioned<Demand>(db, 'demands', ['company_id', 'state', 'holder_center_id', 'raised_at', 'ack_due_at', 'answer_due_at'], (d) => [
    d.companyId,
    d.state,
    d.holderCenterId,
    d.raisedAt,
    d.ackDueAt,
    d.answerDueAt,
  ]);
  const addCenter = prepared(db, 'INSERT OR IGNORE INTO demand_centers (center_id, demand_id) VALUES (?, ?)');
  const addFile = prepared(db, 'INSERT OR IGNORE INTO demand_files (file_id, demand_id) VALUES (?, ?)');
  const write = db.transaction((d: Demand, expectedVersion: number | undefined, outbox: OutboxRecord[]) => {
    must(put(d, expectedVersion));
    for (const c of d.path) addCenter.run(c, d.id);
    for (const a of d.attachments) addFile.run(a.fileId, d.id);
    for (const m of outbox) must(putOutbox(m));
    return ok(d);
  });
  const from = 'demands d';
  return {
    createDemand: async (d, outbox) => answered(() => write(d, undefined, outbox)),
    getDemand: async (id) => getDoc<Demand>(db, 'SELECT doc FROM demands WHERE id = ?', id),
    updateDemand: async (d, expectedVersion, outbox) => answered(() => write(d, expectedVersion, outbox)),
    listDemands: async (f, page) => pageQuery<Demand>(db, from, demandWhere(f), 'd.raised_at DESC, d.id', page),
    countDemands: async (f) => {
      const w = demandWhere(f);
      return (prepared(db, `SELECT COUNT(*) AS n FROM ${from} ${w.sql}`).get(...w.params) as { n: number }).n;
    },
    demandsWithFile: async (fileId, limit) =>
      allDocs<Demand>(db, 'SELECT d.doc FROM demand_files f JOIN demands d ON d.id = f.demand_id WHERE f.file_id = ? LIMIT ?', fileId, limit),
    demandFacts: async (fromAt, to) => {
      const w = where([cond(fromAt, 'raised_at >= ?'), cond(to, 'raised_at <= ?')]);
      const rows = prepared(db, `SELECT doc FROM demands ${w.sql}`).all(...w.params) as { doc: string }[];
      return rows.map((r) => {
        const d = JSON.parse(r.doc) as Demand;
        const facts: DemandFacts = {
          category: d.category,
          location: d.location,
          state: d.state,
          raisedAt: d.raisedAt,
          ackDueAt: d.ackDueAt,
          answerDueAt: d.answerDueAt,
        };
        if (d.acknowledgedAt) facts.acknowledgedAt = d.acknowledgedAt;
        if (d.answer) facts.answer = d.answer;
        if (d.rating) facts.rating = d.rating;
        return facts;
      });
    },
  };
};

/** Both ports of the company side over one connection. */
export const companyStores = (db: Db, putOutbox: OutboxPut): CompanyStore & DemandStore => ({ ...companyStore(db, putOutbox), ...demandStore(db, putOutbox) });
