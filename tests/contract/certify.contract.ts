/**
 * The CertifyStore contract: imported entries are written conditionally, an entry's change
 * carries its audit entries or nothing, the pass's cursor walks every entry once, the village
 * queue and the department's list hold the right entries, evidence is stored once and found
 * by person, date and source.
 */
import type { Evidence, RosterEntry } from '../../shared/certify.schema';
import type { AuditStore } from '../../cloudfunctions/core/stores/audit.port';
import type { CertifyStore } from '../../cloudfunctions/core/stores/certify.port';
import { codeOf, PAGE, value } from './contract.kit';

const AT = '2026-11-28T01:00:00.000Z';
const hash = (n: number) => n.toString(16).padStart(64, '0');

/** An entry of a person (by number) on a scheme, pending by default. */
export const rosterEntry = (n: number, patch: Partial<RosterEntry> = {}): RosterEntry => ({
  id: `${patch.schemeCode ?? 'pension'}~${hash(n)}`,
  version: 1,
  schemeCode: 'pension',
  idHash: hash(n),
  idMasked: '3708**********0000',
  nameMasked: '张*',
  villageId: 'v-101-001',
  townshipCode: '101',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  state: 'pending',
  importId: 'imp-1',
  updatedAt: AT,
  ...patch,
});

const evidence = (n: number, date: string, source: Evidence['source'] = 'medical'): Evidence => ({
  id: `ev-${n}-${date}-${source}`,
  idHash: hash(n),
  source,
  date,
  importId: 'imp-2',
});

/** Defines the re-certification sentences over the fresh store `current()` answers. */
export function certifyContract(current: () => CertifyStore & AuditStore): void {
  describe('CertifyStore', () => {
    let store: CertifyStore & AuditStore;
    beforeEach(() => {
      store = current();
    });

    it('adds new entries, replaces one only at the version it was read at, and reports the stale one', async () => {
      const first = await store.putRosterEntries([rosterEntry(1), rosterEntry(2)], new Map());
      expect(first).toEqual({ written: 2, conflicts: [] });
      // adding an id that exists is a conflict, not an overwrite
      expect((await store.putRosterEntries([rosterEntry(1, { villageId: 'v-x' })], new Map())).conflicts).toEqual([rosterEntry(1).id]);
      const moved = rosterEntry(1, { version: 2, villageId: 'v-101-002' });
      const stale = rosterEntry(2, { version: 3, villageId: 'v-101-002' });
      const second = await store.putRosterEntries(
        [moved, stale],
        new Map([
          [moved.id, 1],
          [stale.id, 2],
        ]),
      );
      expect(second).toEqual({ written: 1, conflicts: [stale.id] });
      const got = await store.getRosterEntries([rosterEntry(1).id, rosterEntry(2).id, 'pension~missing']);
      expect(got.map((e) => [e.id, e.version, e.villageId]).sort()).toEqual(
        [
          [moved.id, 2, 'v-101-002'],
          [rosterEntry(2).id, 1, 'v-101-001'],
        ].sort(),
      );
    });

    it('writes an entry with its audit entries, and a stale or missing one writes neither', async () => {
      await store.putRosterEntries([rosterEntry(1)], new Map());
      const certified = rosterEntry(1, {
        version: 2,
        state: 'certified',
        certification: { on: '2026-03-02', method: 'silent', at: AT, evidence: { id: 'ev-1', source: 'medical', date: '2026-03-02' } },
      });
      const audit = { at: AT, actor: { userId: 'system', role: 'system' as const }, action: 'certify.silent', note: '静默认证：证据 ev-1' };
      expect(value(await store.updateRosterEntry(certified, 1, [audit])).state).toBe('certified');
      expect(codeOf(await store.updateRosterEntry({ ...certified, version: 2 }, 1, [audit]))).toBe('CONFLICT');
      expect(codeOf(await store.updateRosterEntry(rosterEntry(9, { version: 2 }), 1, [audit]))).toBe('NOT_FOUND');
      const trail = await store.searchAudit({}, PAGE);
      expect(trail.items.map((a) => a.note)).toEqual(['静默认证：证据 ev-1']);
      expect((await store.getRosterEntries([certified.id]))[0].certification?.evidence?.id).toBe('ev-1');
    });

    it("the pass's cursor walks every entry once, in id order, page by page", async () => {
      const entries = Array.from({ length: 25 }, (_, i) => rosterEntry(i + 1, { schemeCode: i % 2 ? 'elderly' : 'pension' }));
      await store.putRosterEntries(entries, new Map());
      const seen: string[] = [];
      for (let after: string | null = null; ;) {
        const page = await store.rosterAfter(after, 7);
        seen.push(...page.map((e) => e.id));
        if (page.length < 7) break;
        after = page[page.length - 1].id;
      }
      expect(seen).toEqual(entries.map((e) => e.id).sort());
    });

    it("finds a person's schemes by hash, a village's due and lapsed entries, and the department's flagged ones", async () => {
      await store.putRosterEntries(
        [
          rosterEntry(1),
          rosterEntry(1, { schemeCode: 'elderly', state: 'certified', certification: { on: '2026-02-01', method: 'visit', at: AT } }),
          rosterEntry(2, { dueQueuedAt: AT, periodEnd: '2026-12-20' }),
          rosterEntry(3, { state: 'lapsed', lapsedAt: AT, periodEnd: '2026-11-01' }),
          rosterEntry(4, { dueQueuedAt: AT, villageId: 'v-102-001', townshipCode: '102' }),
          rosterEntry(5, { state: 'ineligible', ineligible: { reason: 'deceased', on: '2026-11-02', at: AT, by: { userId: 'c' } } }),
        ],
        new Map(),
      );
      expect((await store.rosterOfPerson(hash(1))).map((e) => e.schemeCode).sort()).toEqual(['elderly', 'pension']);
      const queue = await store.certifyQueue('v-101-001', PAGE);
      expect(queue.items.map((e) => e.idHash)).toEqual([hash(3), hash(2)]);
      expect(queue.total).toBe(2);
      const flagged = await store.flaggedEntries({}, PAGE);
      expect(flagged.items.map((e) => e.idHash).sort()).toEqual([hash(3), hash(5)]);
      expect((await store.flaggedEntries({ schemeCode: 'elderly' }, PAGE)).total).toBe(0);
      const counts = await store.certifyCounts();
      const n = (by: string, key: string, outcome: string) => counts.find((c) => c.by === by && c.key === key && c.outcome === outcome)?.n ?? 0;
      expect(n('scheme', 'pension', 'pending')).toBe(3);
      expect(n('scheme', 'elderly', 'inPerson')).toBe(1);
      expect(n('township', '101', 'lapsed')).toBe(1);
      expect(n('township', '102', 'pending')).toBe(1);
      expect(n('township', '101', 'ineligible')).toBe(1);
    });

    it('stores evidence once and finds it by person, dates (both included) and source', async () => {
      const records = [evidence(1, '2026-01-01'), evidence(1, '2026-06-30', 'card'), evidence(1, '2025-12-31'), evidence(2, '2026-03-01', 'visit')];
      expect(await store.putEvidence(records)).toBe(4);
      expect(await store.putEvidence([records[0], evidence(3, '2026-02-02')])).toBe(1);
      expect([...(await store.knownEvidence([records[0].id, 'ev-none']))]).toEqual([records[0].id]);
      const found = await store.evidenceOf([hash(1), hash(2)], '2026-01-01', '2026-06-30', ['medical', 'card']);
      expect(found.map((e) => e.id).sort()).toEqual([records[0].id, records[1].id].sort());
      expect(found.find((e) => e.id === records[1].id)).toEqual(records[1]);
    });

    it("keeps the pass's state", async () => {
      expect(await store.getCertifyPass()).toBeNull();
      await store.putCertifyPass('{"cursor":"a"}');
      await store.putCertifyPass('{"cursor":"b"}');
      expect(await store.getCertifyPass()).toBe('{"cursor":"b"}');
    });
  });
}
