/**
 * The DemandStore contract: a demand step is a conditional write on its version with its
 * notices; queues read by holder, by path and by what is overdue at an instant.
 */
import type { DemandStore } from '../../cloudfunctions/core/stores/demand.port';
import type { OutboxStore } from '../../cloudfunctions/core/stores/outbox.port';
import type { Demand } from '../../shared/demand.schema';
import { makeMessage } from '../support/directory.fixture';
import { PAGE, codeOf, value } from './contract.kit';

const demand = (id: string, o: Partial<Demand> = {}): Demand => ({
  id,
  version: 1,
  companyId: 'co-1',
  companyName: '示例公司',
  location: 'zone',
  category: '融资',
  title: '贷款贴息',
  description: '想了解贷款贴息政策',
  attachments: [],
  shareable: false,
  raisedBy: { userId: 'u-1' },
  raisedAt: '2026-12-01T01:00:00.000Z',
  officerCenterId: 'zone',
  holderCenterId: 'zone',
  path: ['zone'],
  state: 'raised',
  ackDueAt: '2026-12-02T15:59:59.999Z',
  answerDueAt: '2026-12-08T15:59:59.999Z',
  reopens: 0,
  events: [],
  updatedAt: '2026-12-01T01:00:00.000Z',
  ...o,
});

/** Defines the demand sentences over the fresh store `current()` answers. */
export function demandsContract(current: () => DemandStore & OutboxStore): void {
  describe('DemandStore: 云上宠企 demands', () => {
    let store: DemandStore & OutboxStore;
    beforeEach(() => {
      store = current();
    });

    it('a demand is stored once with its notices, and a step from a stale version is a CONFLICT that writes nothing', async () => {
      const d = demand('dm-1', { attachments: [{ name: '报表', fileId: 'f-9' }] });
      value(await store.createDemand(d, [makeMessage({ id: 'n-1', to: { centerId: 'zone' } })]));
      expect(codeOf(await store.createDemand(d, []))).toBe('DUPLICATE');
      expect(await store.getDemand('dm-1')).toEqual(d);
      const next = { ...d, version: 2, state: 'acknowledged' as const };
      value(await store.updateDemand(next, 1, [makeMessage({ id: 'n-2', to: { userId: 'u-1' } })]));
      expect(codeOf(await store.updateDemand({ ...d, version: 2, state: 'forwarded' }, 1, [makeMessage({ id: 'n-3', to: { userId: 'u-1' } })]))).toBe(
        'CONFLICT',
      );
      expect((await store.getDemand('dm-1'))!.state).toBe('acknowledged');
      expect((await store.listOutbox({ userId: 'u-1' }, PAGE)).items.map((m) => m.id)).toEqual(['n-2']);
      expect((await store.listOutbox({ centerId: 'zone' }, PAGE)).items.map((m) => m.id)).toEqual(['n-1']);
      expect((await store.demandsWithFile('f-9', 5)).map((x) => x.id)).toEqual(['dm-1']);
    });

    it('two steps at once from one version: exactly one wins', async () => {
      value(await store.createDemand(demand('dm-1'), []));
      const answers = await Promise.all([
        store.updateDemand(demand('dm-1', { version: 2, state: 'acknowledged' }), 1, []),
        store.updateDemand(demand('dm-1', { version: 2, state: 'acknowledged' }), 1, []),
      ]);
      expect(answers.map(codeOf).sort()).toEqual(['CONFLICT', 'ok']);
    });

    it('lists by company, by holder and state, by path, and what is overdue at an instant', async () => {
      value(await store.createDemand(demand('dm-1', { raisedAt: '2026-12-01T01:00:00.000Z' }), []));
      value(
        await store.createDemand(
          demand('dm-2', {
            raisedAt: '2026-12-01T02:00:00.000Z',
            state: 'forwarded',
            holderCenterId: 'city',
            path: ['zone', 'city'],
            ackDueAt: '2026-12-09T00:00:00.000Z',
          }),
          [],
        ),
      );
      value(await store.createDemand(demand('dm-3', { raisedAt: '2026-12-01T03:00:00.000Z', companyId: 'co-2', state: 'closed' }), []));
      expect((await store.listDemands({ companyId: 'co-1' }, PAGE)).items.map((d) => d.id)).toEqual(['dm-2', 'dm-1']);
      expect((await store.listDemands({ holderCenterId: 'zone', states: ['raised', 'acknowledged'] }, PAGE)).items.map((d) => d.id)).toEqual(['dm-1']);
      expect((await store.listDemands({ pathCenterId: 'city' }, PAGE)).items.map((d) => d.id)).toEqual(['dm-2']);
      expect((await store.listDemands({ pathCenterId: 'zone', notHolderCenterId: 'zone' }, PAGE)).items.map((d) => d.id)).toEqual(['dm-2']);
      // at 12-03 dm-1 is past its acknowledgement term; dm-2 is acknowledged-forwarded within its answer term; dm-3 is closed
      expect((await store.listDemands({ pathCenterId: 'zone', overdueAt: '2026-12-03T00:00:00.000Z' }, PAGE)).items.map((d) => d.id)).toEqual(['dm-1']);
      expect(await store.countDemands({ overdueAt: '2026-12-10T00:00:00.000Z' })).toBe(2);
      expect((await store.demandFacts('2026-12-01T01:30:00.000Z')).map((f) => f.raisedAt).sort()).toEqual([
        '2026-12-01T02:00:00.000Z',
        '2026-12-01T03:00:00.000Z',
      ]);
    });
  });
}
