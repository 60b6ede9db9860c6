/**
 * The OutboxStore contract: notices come out in order for the sender and for each reader, and
 * a delivery is recorded only from the stored version. Notices are queued the one way
 * production queues them: as the notices of a request step.
 */
import type { OutboxRecord, OutboxStore } from '../../cloudfunctions/core/stores/outbox.port';
import type { RequestStore } from '../../cloudfunctions/core/stores/request.port';
import { at, bump, makeRequest } from '../support/request.fixture';
import { makeMessage } from '../support/directory.fixture';
import { PAGE, codeOf, value } from './contract.kit';

type Ports = OutboxStore & RequestStore;

/** Queues notices with a request step, as the handlers and the overdue scan do. */
const queueNotices = async (store: Ports, messages: OutboxRecord[]): Promise<void> => {
  const request = makeRequest({ id: 'req-notices' });
  value(await store.createRequest(request, []));
  value(await store.updateRequest(bump(request), request.version, [], messages));
};

/** Defines the outbox sentences over the fresh store `current()` answers. */
export function outboxContract(current: () => Ports): void {
  describe('OutboxStore', () => {
    let store: Ports;
    beforeEach(() => {
      store = current();
    });

    it('a notice no request step causes is queued once by its id, and a second queueing is a DUPLICATE', async () => {
      const notice = makeMessage({ id: 'calendar-2026-admin', to: { userId: 'admin' } });
      expect(value(await store.addOutbox(notice))).toEqual(notice);
      expect(codeOf(await store.addOutbox({ ...notice, body: '又一条' }))).toBe('DUPLICATE');
      expect((await store.listOutbox({ userId: 'admin' }, PAGE)).items).toEqual([notice]);
      expect((await store.pendingOutbox(10)).map((m) => m.id)).toEqual(['calendar-2026-admin']);
    });

    it('pending messages come out oldest first and leave the queue once marked sent', async () => {
      await queueNotices(store, [
        makeMessage({ id: 'm-2', createdAt: at(2) }),
        makeMessage({ id: 'm-1', createdAt: at(1), to: { centerId: 't-001' } }),
        makeMessage({ id: 'm-3', createdAt: at(3), state: 'sent' }),
      ]);
      const pending = await store.pendingOutbox(10);
      expect(pending.map((m) => m.id)).toEqual(['m-1', 'm-2']);
      const sent = { ...pending[0], version: 2, state: 'sent' as const, attempts: 1, sentAt: at(5) };
      expect(value(await store.updateOutbox(sent, 1))).toEqual(sent);
      expect((await store.pendingOutbox(10)).map((m) => m.id)).toEqual(['m-2']);
      expect(codeOf(await store.updateOutbox({ ...pending[0], version: 2, state: 'failed' }, 1))).toBe('CONFLICT');
    });

    it('a user or a center sees its own messages, newest first', async () => {
      await queueNotices(store, [
        makeMessage({ id: 'm-1', createdAt: at(1) }),
        makeMessage({ id: 'm-2', createdAt: at(2) }),
        makeMessage({ id: 'm-3', createdAt: at(3), to: { centerId: 't-001' } }),
      ]);
      const mine = await store.listOutbox({ userId: 'u-1' }, PAGE);
      expect(mine.total).toBe(2);
      expect(mine.items.map((m) => m.id)).toEqual(['m-2', 'm-1']);
      expect((await store.listOutbox({ centerId: 't-001' }, PAGE)).items.map((m) => m.id)).toEqual(['m-3']);
    });

    it('the administrators see the notices addressed to them, and nobody else does', async () => {
      await queueNotices(store, [makeMessage({ id: 'm-1', to: { role: 'admin' } }), makeMessage({ id: 'm-2' })]);
      expect((await store.listOutbox({ role: 'admin' }, PAGE)).items.map((m) => m.id)).toEqual(['m-1']);
      expect((await store.listOutbox({ userId: 'u-1' }, PAGE)).items.map((m) => m.id)).toEqual(['m-2']);
    });

    it('read state is per reader: two clerks of one center each have their own unread count', async () => {
      const center = { centerId: 't-001' };
      await queueNotices(store, [
        makeMessage({ id: 'm-1', to: center, createdAt: at(1) }),
        makeMessage({ id: 'm-2', to: center, createdAt: at(2) }),
        makeMessage({ id: 'm-3', createdAt: at(3) }),
      ]);
      expect(await store.countUnread(center, 'clerk-a')).toBe(2);
      expect(await store.markRead('clerk-a', center, ['m-1'], at(5))).toBe(1);
      expect(await store.countUnread(center, 'clerk-a')).toBe(1);
      expect(await store.countUnread(center, 'clerk-b')).toBe(2);
      expect(await store.readIds('clerk-a', ['m-1', 'm-2'])).toEqual(['m-1']);
      expect(await store.readIds('clerk-b', ['m-1', 'm-2'])).toEqual([]);
    });

    it('marking read twice counts once, and a notice addressed to someone else is not marked', async () => {
      await queueNotices(store, [makeMessage({ id: 'm-1', to: { centerId: 't-001' } }), makeMessage({ id: 'm-2', to: { userId: 'u-1' } })]);
      expect(await store.markRead('clerk-a', { centerId: 't-001' }, ['m-1', 'm-2', 'no-such'], at(5))).toBe(1);
      expect(await store.markRead('clerk-a', { centerId: 't-001' }, ['m-1'], at(6))).toBe(0);
      expect(await store.readIds('clerk-a', ['m-1', 'm-2'])).toEqual(['m-1']);
      expect(await store.countUnread({ userId: 'u-1' }, 'u-1')).toBe(1);
    });
  });
}
