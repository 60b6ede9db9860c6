/**
 * The AuditStore contract: a center's figures count the entries it recorded. (Appended entries
 * joining a request's timeline is a sentence of the request contract, where the timeline is read.)
 */
import type { AuditStore } from '../../cloudfunctions/core/stores/audit.port';
import { at, makeAudit } from '../support/request.fixture';
import { PAGE } from './contract.kit';

/** Defines the audit sentences over the fresh store `current()` answers. */
export function auditContract(current: () => AuditStore): void {
  describe('AuditStore', () => {
    let store: AuditStore;
    beforeEach(() => {
      store = current();
    });

    it('a center counts the actions it recorded since an instant, and only its own', async () => {
      await store.appendAudit(makeAudit('req-1', 'accept', 1, { centerId: 'ts-103' }));
      await store.appendAudit(makeAudit('req-2', 'accept', 5, { centerId: 'ts-103' }));
      await store.appendAudit(makeAudit('req-3', 'decide', 6, { centerId: 'ts-103' }));
      await store.appendAudit(makeAudit('req-4', 'accept', 6, { centerId: 'ts-104' }));
      expect(await store.countActionsSince('ts-103', at(2), ['accept', 'decide', 'deliver'])).toEqual({ accept: 1, decide: 1, deliver: 0 });
    });

    it('the trail is searched by person, center, request and time, newest first, every condition at once', async () => {
      const admin = { userId: 'admin', role: 'admin' as const };
      await store.appendAudit(makeAudit('req-1', 'accept', 1, { centerId: 'ts-103' }));
      await store.appendAudit(makeAudit('req-1', 'decide', 3, { centerId: 'ts-103' }));
      await store.appendAudit(makeAudit('req-2', 'accept', 5, { centerId: 'ts-104' }));
      await store.appendAudit({ at: at(7), actor: admin, action: 'invite.create', centerId: 'ts-103' });
      const actions = async (f: Parameters<AuditStore['searchAudit']>[0]) =>
        (await store.searchAudit(f, { page: 1, pageSize: 20 })).items.map((e) => `${e.requestId ?? '-'}:${e.action}`);
      expect(await actions({})).toEqual(['-:invite.create', 'req-2:accept', 'req-1:decide', 'req-1:accept']);
      expect(await actions({ actorId: 'admin' })).toEqual(['-:invite.create']);
      expect(await actions({ centerId: 'ts-103', actorId: 'clerk-v' })).toEqual(['req-1:decide', 'req-1:accept']);
      expect(await actions({ requestId: 'req-1', from: at(2) })).toEqual(['req-1:decide']);
      expect(await actions({ from: at(3), to: at(5) })).toEqual(['req-2:accept', 'req-1:decide']);
      expect((await store.searchAudit({}, { page: 2, pageSize: 3 })).items).toHaveLength(1);
    });

    it("a user's trail lists what they did and read, newest first, and nobody else's", async () => {
      const clerk = { userId: 'clerk-ts-103', role: 'clerk' as const, centerId: 'ts-103' };
      await store.appendAudit({
        at: at(1),
        actor: clerk,
        action: 'list.clerk.queue',
        centerId: 'ts-103',
        query: '{"queue":"precheck"}',
        ids: ['req-1', 'req-2'],
      });
      await store.appendAudit(makeAudit('req-1', 'read', 2, { actor: clerk }));
      await store.appendAudit(makeAudit('req-9', 'read', 3, { actor: { userId: 'someone-else', role: 'resident' } }));
      const trail = await store.auditByActor('clerk-ts-103', PAGE);
      expect(trail.total).toBe(2);
      expect(trail.items.map((e) => e.action)).toEqual(['read', 'list.clerk.queue']);
      expect(trail.items[1]).toMatchObject({ query: '{"queue":"precheck"}', ids: ['req-1', 'req-2'] });
    });
  });
}
