/**
 * The CloudBase adapter of the company side. Claims, memberships and demands are envelopes
 * `{ _id, <queried fields>, doc }`. One pending claim per person and code is held by a key
 * document (`claim_keys/<code>~<user>`) written in the claim's transaction and removed when the
 * claim is decided; a verification, a handover, a company change with its notices (the 企业管家
 * named) and a demand step each run in one transaction.
 */
import type tcb from '@cloudbase/node-sdk';
import { fail, ok, type Result } from '../../../shared/errors';
import type { CompanyClaim, CompanyMember } from '../../../shared/company.schema';
import { OPEN_DEMAND_STATES } from '../../../shared/demand.terms';
import type { Demand } from '../../../shared/demand.schema';
import type { DemandFacts } from '../../../shared/demand.stats';
import type { ClaimFilter, ClaimVerification, CompanyStore } from './company.port';
import type { DemandFilter, DemandStore } from './demand.port';
import type { OutboxRecord } from './outbox.port';
import type { CompanyRecord } from './user.port';
import type { Page, PageOf } from './store.page';
import { assertNextVersion, companyColumns } from './store.columns';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Txn = { collection(name: string): ReturnType<Db['collection']> };
type Order = [field: string, direction: 'asc' | 'desc'][];
type Envelope<T> = { _id: string; version: number; doc: T } & Record<string, unknown>;

/** What the adapter lends this module (cloudbase.store.ts passes its own). */
export type CompanyKit = {
  read: {
    one<T>(coll: string, id: string): Promise<T | null>;
    page<T>(coll: string, filter: object, order: Order, page: Page): Promise<PageOf<T>>;
    first<T>(coll: string, filter: object, order: Order, limit: number): Promise<T[]>;
    all<T>(coll: string, filter: object, order: Order): Promise<T[]>;
  };
  plain: <T>(v: T) => T;
  versioned: <T extends { id: string; version: number }>(
    coll: string,
    columns: (r: T) => Record<string, unknown>,
  ) => (record: T, expectedVersion?: number) => Promise<Result<T>>;
  /** runs `work` in a transaction; a Result thrown with `abort` is answered, a write conflict is CONFLICT */
  transact: <T>(work: (t: Txn) => Promise<Result<T>>) => Promise<Result<T>>;
  abort: (r: Result<never>) => never;
  /** adds a write's notices inside its transaction */
  addOutbox: (t: Txn, outbox: OutboxRecord[]) => Promise<void>;
};

const claimFields = (c: CompanyClaim) => ({
  creditCode: c.creditCode,
  claimantId: c.claimantId,
  centerId: c.centerId,
  state: c.state,
  licenceFileId: c.licenceFileId,
  createdAt: c.createdAt,
});
/** A company's envelope fields: its credit code, and the home and verification time a home center lists it by. */
export const companyFields = (c: CompanyRecord) => ({ creditCode: c.creditCode, ...companyColumns(c) });
const memberFields = (m: CompanyMember) => ({ companyId: m.companyId, userId: m.userId, role: m.role, joinedAt: m.joinedAt });
const demandFields = (d: Demand) => ({
  companyId: d.companyId,
  state: d.state,
  holderCenterId: d.holderCenterId,
  pathCenters: d.path,
  fileIds: d.attachments.map((a) => a.fileId),
  raisedAt: d.raisedAt,
  ackDueAt: d.ackDueAt,
  answerDueAt: d.answerDueAt,
});
const claimKeyOf = (c: CompanyClaim) => `${encodeURIComponent(c.creditCode)}~${encodeURIComponent(c.claimantId)}`;

/** Reads a document in a transaction and checks its version (undefined: it must not exist yet). */
const checked = async <T>(t: Txn, kit: CompanyKit, coll: string, id: string, expected?: number): Promise<Envelope<T> | null> => {
  const current = (await t.collection(coll).doc(id).get()).data as Envelope<T> | null;
  if (expected === undefined && current) kit.abort(fail('DUPLICATE', undefined, `${coll} ${id}`));
  if (expected !== undefined && !current) kit.abort(fail('NOT_FOUND', undefined, `${coll} ${id}`));
  if (expected !== undefined && current!.version !== expected) kit.abort(fail('CONFLICT', undefined, `${coll} ${id}`));
  return current;
};

/** Claims and members. */
const companyStore = (db: Db, kit: CompanyKit): CompanyStore => {
  const { read, plain, transact } = kit;
  const setClaim = (t: Txn, c: CompanyClaim) =>
    t
      .collection('company_claims')
      .doc(c.id)
      .set({ version: c.version, ...claimFields(c), doc: plain(c) });
  const putMember = kit.versioned<CompanyMember>('company_members', memberFields);
  /** A decided claim's write: checked on its version, its pending key removed. */
  const decide = async (t: Txn, c: CompanyClaim, expected: number) => {
    await checked(t, kit, 'company_claims', c.id, expected);
    await setClaim(t, c);
    await t.collection('claim_keys').doc(claimKeyOf(c)).remove();
  };
  const claimFilter = (f: ClaimFilter) => ({
    ...(f.centerId ? { centerId: f.centerId } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(f.creditCode ? { creditCode: f.creditCode } : {}),
    ...(f.claimantId ? { claimantId: f.claimantId } : {}),
  });
  return {
    createClaim: (claim) =>
      transact(async (t) => {
        const key = t.collection('claim_keys').doc(claimKeyOf(claim));
        if ((await key.get()).data) kit.abort(fail('CLAIM_PENDING', { creditCode: 'CLAIM_PENDING' }));
        await checked(t, kit, 'company_claims', claim.id);
        await key.set({ claimId: claim.id });
        await setClaim(t, claim);
        return ok(claim);
      }),
    getClaim: (id) => read.one<CompanyClaim>('company_claims', id),
    listClaims: (f, page) =>
      read.page<CompanyClaim>(
        'company_claims',
        claimFilter(f),
        [
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
        page,
      ),
    refuseClaim: (next, expected) =>
      transact(async (t) => {
        await decide(t, next, expected);
        return ok(next);
      }),
    verifyClaim: (v: ClaimVerification) =>
      transact(async (t) => {
        await decide(t, v.claim, v.expectedVersion);
        for (const r of v.refused) await decide(t, r.claim, r.expectedVersion);
        await checked<CompanyRecord>(t, kit, 'companies', v.company.id, v.companyExpectedVersion);
        await t
          .collection('companies')
          .doc(v.company.id)
          .set({ version: v.company.version, ...companyFields(v.company), doc: plain(v.company) });
        const member = (await t.collection('company_members').doc(v.admin.id).get()).data as Envelope<CompanyMember> | null;
        const admin = member ? { ...v.admin, version: member.version + 1 } : v.admin;
        await t
          .collection('company_members')
          .doc(admin.id)
          .set({ version: admin.version, ...memberFields(admin), doc: plain(admin) });
        return ok(v.claim);
      }),
    updateCompany: (c, expected, outbox) => {
      assertNextVersion('companies', c.version, expected);
      return transact(async (t) => {
        await checked<CompanyRecord>(t, kit, 'companies', c.id, expected);
        await t
          .collection('companies')
          .doc(c.id)
          .set({ version: c.version, ...companyFields(c), doc: plain(c) });
        await kit.addOutbox(t, outbox);
        return ok(c);
      });
    },
    claimsWithFile: (fileId, limit) => read.first<CompanyClaim>('company_claims', { licenceFileId: fileId }, [['_id', 'asc']], limit),
    getMember: (companyId, userId) => read.one<CompanyMember>('company_members', `${companyId}~${userId}`),
    listMembers: async (companyId) => {
      const all = await read.all<CompanyMember>('company_members', { companyId }, [
        ['joinedAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return [...all.filter((m) => m.role === 'admin'), ...all.filter((m) => m.role !== 'admin')];
    },
    listMemberships: (userId) =>
      read.all<CompanyMember>('company_members', { userId }, [
        ['joinedAt', 'asc'],
        ['_id', 'asc'],
      ]),
    putMember: (member, expected) => putMember(member, expected),
    removeMember: async (member, expected) => {
      const res = await db.collection('company_members').where({ _id: member.id, version: expected }).remove();
      if (res.deleted === 1) return ok(true);
      return (await read.one('company_members', member.id)) ? fail('CONFLICT') : fail('MEMBER_NOT_FOUND');
    },
    putMembers: (pair) =>
      transact(async (t) => {
        for (const [m, expected] of pair) {
          await checked(t, kit, 'company_members', m.id, expected);
          await t
            .collection('company_members')
            .doc(m.id)
            .set({ version: m.version, ...memberFields(m), doc: plain(m) });
        }
        return ok(pair.map(([m]) => m));
      }),
  };
};

const DEMAND_ORDER: Order = [
  ['raisedAt', 'desc'],
  ['_id', 'asc'],
];

/** Demands with their notices, each write one transaction. */
const demandStore = (db: Db, kit: CompanyKit): DemandStore => {
  const { read, plain, transact } = kit;
  const _ = db.command;
  const write = (d: Demand, expected: number | undefined, outbox: OutboxRecord[]) =>
    transact(async (t) => {
      await checked(t, kit, 'demands', d.id, expected);
      await t
        .collection('demands')
        .doc(d.id)
        .set({ version: d.version, ...demandFields(d), doc: plain(d) });
      await kit.addOutbox(t, outbox);
      return ok(d);
    });
  const filterOf = (f: DemandFilter): object => {
    const parts: object[] = [
      {
        ...(f.companyId ? { companyId: f.companyId } : {}),
        ...(f.holderCenterId ? { holderCenterId: f.holderCenterId } : {}),
        ...(f.notHolderCenterId ? { holderCenterId: _.neq(f.notHolderCenterId) } : {}),
        ...(f.pathCenterId ? { pathCenters: f.pathCenterId } : {}),
        ...(f.states ? { state: _.in([...f.states]) } : {}),
      },
    ];
    if (f.overdueAt)
      parts.push(
        _.or([
          { state: 'raised', ackDueAt: _.lt(f.overdueAt) },
          { state: _.in([...OPEN_DEMAND_STATES]), answerDueAt: _.lt(f.overdueAt) },
        ]),
      );
    return parts.length === 1 ? parts[0] : _.and(parts);
  };
  return {
    createDemand: (d, outbox) => write(d, undefined, outbox),
    getDemand: (id) => read.one<Demand>('demands', id),
    updateDemand: (d, expected, outbox) => write(d, expected, outbox),
    listDemands: (f, page) => read.page<Demand>('demands', filterOf(f), DEMAND_ORDER, page),
    countDemands: async (f) => ((await db.collection('demands').where(filterOf(f)).count()).total as number) ?? 0,
    demandsWithFile: (fileId, limit) => read.first<Demand>('demands', { fileIds: fileId }, [['_id', 'asc']], limit),
    demandFacts: async (from, to) => {
      const range = from && to ? _.gte(from).and(_.lte(to)) : from ? _.gte(from) : to ? _.lte(to) : undefined;
      const all = await read.all<Demand>('demands', range ? { raisedAt: range } : {}, [['_id', 'asc']]);
      return all.map((d): DemandFacts => ({
        category: d.category,
        location: d.location,
        state: d.state,
        raisedAt: d.raisedAt,
        ackDueAt: d.ackDueAt,
        answerDueAt: d.answerDueAt,
        ...(d.acknowledgedAt ? { acknowledgedAt: d.acknowledgedAt } : {}),
        ...(d.answer ? { answer: d.answer } : {}),
        ...(d.rating ? { rating: d.rating } : {}),
      }));
    },
  };
};

/** Both ports of the company side. */
export const cloudbaseCompanies = (db: Db, kit: CompanyKit): CompanyStore & DemandStore => ({ ...companyStore(db, kit), ...demandStore(db, kit) });

/** The membership write an invitation's redeem adds to its own transaction. */
export const addMemberIn = async (t: Txn, kit: CompanyKit, m: CompanyMember): Promise<void> => {
  await checked(t, kit, 'company_members', m.id);
  await t
    .collection('company_members')
    .doc(m.id)
    .set({ version: m.version, ...memberFields(m), doc: kit.plain(m) });
};
