/**
 * Re-certification: the rosters (one entry per person and scheme), the evidence other systems
 * sent, each entry's certification, and where the matching pass stands. Built for 150,000
 * entries and a million evidence records: the pass walks entries by id (the primary key) in
 * pages, and asks for the evidence of one page's people at a time by their indexed hash.
 */
import type { Result } from '../../../shared/errors';
import type { Evidence, Outcome, RosterEntry } from '../../../shared/certify.schema';
import type { AuditEntry } from '../../../shared/request.schema';
import type { Page, PageOf } from './store.page';

/** How many entries count as each outcome, by scheme and by township. */
export type CertifyCount = { by: 'scheme' | 'township'; key: string; outcome: Outcome; n: number };

/** A flagged entry filter: lapsed or found not eligible, optionally of one scheme. */
export type FlaggedFilter = { schemeCode?: string };

export interface CertifyStore {
  /** Entries by id, in no particular order; missing ids are left out. */
  getRosterEntries(ids: readonly string[]): Promise<RosterEntry[]>;
  /**
   * Writes imported entries: a new id is added, an existing one replaced only when its stored
   * version is the one given in `expected` (id to version); a stale one is left and reported in `conflicts`.
   */
  putRosterEntries(entries: readonly RosterEntry[], expected: ReadonlyMap<string, number>): Promise<{ written: number; conflicts: string[] }>;
  /** One entry's conditional write (version + 1), with the audit entries of the change. */
  updateRosterEntry(entry: RosterEntry, expectedVersion: number, audit: readonly AuditEntry[]): Promise<Result<RosterEntry>>;
  /** Entries after `afterId` in id order, at most `limit` (the pass's cursor). */
  rosterAfter(afterId: string | null, limit: number): Promise<RosterEntry[]>;
  /** A person's entries by their keyed hash (the resident's own schemes). */
  rosterOfPerson(idHash: string): Promise<RosterEntry[]>;
  /** A village's 待认证 queue: due and lapsed entries, the earliest period end first. */
  certifyQueue(villageId: string, page: Page): Promise<PageOf<RosterEntry>>;
  /** Entries for the scheme's department: lapsed or not eligible, by scheme then period end. */
  flaggedEntries(filter: FlaggedFilter, page: Page): Promise<PageOf<RosterEntry>>;
  /** The counts of every outcome by scheme and by township. */
  certifyCounts(): Promise<CertifyCount[]>;
  /** Stores evidence; a record whose id is stored already is skipped. Answers how many were new. */
  putEvidence(records: readonly Evidence[]): Promise<number>;
  /** Which of these evidence ids are stored already. */
  knownEvidence(ids: readonly string[]): Promise<Set<string>>;
  /** The evidence of these people dated from `from` to `to` (both included), of the given sources. */
  evidenceOf(idHashes: readonly string[], from: string, to: string, sources: readonly string[]): Promise<Evidence[]>;
  /** Where the matching pass stands (its own JSON), or null before the first pass. */
  getCertifyPass(): Promise<string | null>;
  putCertifyPass(state: string): Promise<void>;
}
