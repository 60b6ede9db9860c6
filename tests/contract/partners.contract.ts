/**
 * The PartnerStore contract: partner keys are found by their hash and never twice, revocation is
 * a conditional write, and a deferred filing moves from pending to filed exactly once.
 */
import type { IntakeRecord, PartnerRecord, PartnerStore } from '../../cloudfunctions/core/stores/partner.port';
import { codeOf, PAGE, value } from './contract.kit';

const AT = '2026-11-28T01:00:00.000Z';

const partner = (id: string, keyHash: string, createdAt = AT): PartnerRecord => ({
  id,
  version: 1,
  name: `12345热线 ${id}`,
  keyHash,
  keyPrefix: 'zc311_ab',
  intake: 'immediate',
  ratePerMinute: 60,
  createdAt,
  createdBy: 'admin-1',
});

const intake = (id: string, createdAt = AT): IntakeRecord => ({
  id,
  version: 1,
  partnerId: 'p-1',
  state: 'pending',
  createdAt,
  updatedAt: createdAt,
  filing: { service_code: 'ZC-V-0001', lat: 35.4, long: 116.97, last_name: '张', first_name: '三', phone: '13805370000', attribute: { reason: '测试' } },
});

/** Defines the partner sentences over the fresh store `current()` answers. */
export function partnersContract(current: () => PartnerStore): void {
  describe('PartnerStore', () => {
    let store: PartnerStore;
    beforeEach(() => {
      store = current();
    });

    it('finds a partner by its key hash, and by id, and lists partners oldest first', async () => {
      value(await store.putPartner(partner('p-2', 'hash-2', '2026-11-28T02:00:00.000Z')));
      value(await store.putPartner(partner('p-1', 'hash-1')));
      expect((await store.findPartnerByKeyHash('hash-1'))?.id).toBe('p-1');
      expect(await store.findPartnerByKeyHash('hash-unknown')).toBeNull();
      expect((await store.getPartner('p-2'))?.keyHash).toBe('hash-2');
      const list = await store.listPartners(PAGE);
      expect(list.total).toBe(2);
      expect(list.items.map((p) => p.id)).toEqual(['p-1', 'p-2']);
    });

    it('refuses a second partner with the same id or the same key hash as DUPLICATE', async () => {
      value(await store.putPartner(partner('p-1', 'hash-1')));
      expect(codeOf(await store.putPartner(partner('p-1', 'hash-9')))).toBe('DUPLICATE');
      expect(codeOf(await store.putPartner(partner('p-3', 'hash-1')))).toBe('DUPLICATE');
      expect((await store.findPartnerByKeyHash('hash-1'))?.id).toBe('p-1');
    });

    it('revokes a key only from the version the administrator saw; a stale revocation is a CONFLICT', async () => {
      const p = value(await store.putPartner(partner('p-1', 'hash-1')));
      const revoked = { ...p, version: 2, revokedAt: AT, revokedBy: 'admin-1' };
      value(await store.putPartner(revoked, 1));
      expect(codeOf(await store.putPartner({ ...p, version: 2, name: '改名' }, 1))).toBe('CONFLICT');
      expect(codeOf(await store.putPartner({ ...partner('p-9', 'h'), version: 2 }, 1))).toBe('NOT_FOUND');
      const stored = await store.findPartnerByKeyHash('hash-1');
      expect(stored?.revokedAt).toBe(AT);
      expect(stored?.name).toBe(p.name);
    });

    it('keeps a deferred filing pending, oldest first, until it is marked filed once', async () => {
      value(await store.putIntake(intake('tok-2', '2026-11-28T03:00:00.000Z')));
      const first = value(await store.putIntake(intake('tok-1')));
      expect((await store.pendingIntakes(10)).map((i) => i.id)).toEqual(['tok-1', 'tok-2']);
      expect((await store.pendingIntakes(1)).map((i) => i.id)).toEqual(['tok-1']);
      const filed = { ...first, version: 2, state: 'filed' as const, requestId: 'req-1', updatedAt: AT };
      value(await store.putIntake(filed, 1));
      expect(codeOf(await store.putIntake({ ...first, version: 2, state: 'failed', error: 'NO_ROUTE_AUDIENCE' }, 1))).toBe('CONFLICT');
      expect(await store.getIntake('tok-1')).toEqual(filed);
      expect((await store.pendingIntakes(10)).map((i) => i.id)).toEqual(['tok-2']);
      expect(codeOf(await store.putIntake(intake('tok-2')))).toBe('DUPLICATE');
      expect(await store.getIntake('tok-unknown')).toBeNull();
    });
  });
}
