/**
 * The InviteStore contract: an invitation changes only from its stored version, and a redeem
 * writes the spent invitation and its holder's role together, or neither.
 */
import type { InviteStore } from '../../cloudfunctions/core/stores/invite.port';
import type { UserStore } from '../../cloudfunctions/core/stores/user.port';
import { newInvite, redeemed, revoked } from '../../shared/invite.rules';
import { makeUser } from '../support/directory.fixture';
import { PAGE, codeOf, value } from './contract.kit';

const NOW = '2026-12-01T01:00:00.000Z';
const invite = (id: string, at = NOW) => newInvite({ id, grant: { role: 'clerk', centerId: 'v-001' }, codeHint: 'AB', createdBy: 'admin', now: at });

/** Defines the invitation sentences over the fresh store `current()` answers. */
export function invitesContract(current: () => InviteStore & UserStore): void {
  describe('InviteStore: invitations to a role', () => {
    let store: InviteStore & UserStore;
    beforeEach(() => {
      store = current();
    });

    it('an invitation is stored once, listed newest first and by state', async () => {
      value(await store.createInvite(invite('inv-1', '2026-12-01T01:00:00.000Z')));
      value(await store.createInvite(invite('inv-2', '2026-12-02T01:00:00.000Z')));
      expect(codeOf(await store.createInvite(invite('inv-1')))).toBe('DUPLICATE');
      expect(await store.getInvite('inv-1')).toEqual(invite('inv-1', '2026-12-01T01:00:00.000Z'));
      expect((await store.listInvites({}, PAGE)).items.map((i) => i.id)).toEqual(['inv-2', 'inv-1']);
      const gone = value(revoked((await store.getInvite('inv-2'))!, 'admin', NOW));
      value(await store.updateInvite(gone, 1));
      expect((await store.listInvites({ state: 'open' }, PAGE)).items.map((i) => i.id)).toEqual(['inv-1']);
      expect(codeOf(await store.updateInvite({ ...gone, version: 2 }, 1))).toBe('CONFLICT');
    });

    it('a redeem creates the holder with the role and spends the invitation in one write', async () => {
      value(await store.createInvite(invite('inv-1')));
      const used = value(redeemed(invite('inv-1'), 'wx-1', NOW));
      const holder = makeUser({ id: 'wx-1', role: 'clerk', centerId: 'v-001' });
      expect(value(await store.redeemInvite(used, 1, holder))).toEqual({ invite: used, user: holder });
      expect(await store.getInvite('inv-1')).toEqual(used);
      expect(await store.getUser('wx-1')).toEqual(holder);
    });

    it('a second redeem of a spent invitation is a CONFLICT and leaves the second user untouched', async () => {
      value(await store.createInvite(invite('inv-1')));
      await store.putUser(makeUser({ id: 'wx-2' }));
      value(await store.redeemInvite(value(redeemed(invite('inv-1'), 'wx-1', NOW)), 1, makeUser({ id: 'wx-1', role: 'clerk', centerId: 'v-001' })));
      const late = value(redeemed(invite('inv-1'), 'wx-2', NOW));
      expect(codeOf(await store.redeemInvite(late, 1, makeUser({ id: 'wx-2', version: 2, role: 'clerk', centerId: 'v-001' }), 1))).toBe('CONFLICT');
      expect(await store.getUser('wx-2')).toEqual(makeUser({ id: 'wx-2' }));
      expect((await store.getInvite('inv-1'))?.redeemedBy).toBe('wx-1');
    });

    it('a redeem whose holder record changed meanwhile writes neither the invitation nor the role', async () => {
      value(await store.createInvite(invite('inv-1')));
      await store.putUser(makeUser({ id: 'wx-3' }));
      value(await store.putUser(makeUser({ id: 'wx-3', version: 2, nameMasked: '已*' }), 1));
      const used = value(redeemed(invite('inv-1'), 'wx-3', NOW));
      expect(codeOf(await store.redeemInvite(used, 1, makeUser({ id: 'wx-3', version: 2, role: 'clerk', centerId: 'v-001' }), 1))).toBe('CONFLICT');
      expect((await store.getInvite('inv-1'))?.state).toBe('open');
      expect((await store.getUser('wx-3'))?.role).toBe('resident');
    });

    it('racing redeems of one invitation let exactly one holder in', async () => {
      value(await store.createInvite(invite('inv-1')));
      const tries = ['wx-a', 'wx-b', 'wx-c'].map((id) =>
        store.redeemInvite(value(redeemed(invite('inv-1'), id, NOW)), 1, makeUser({ id, role: 'clerk', centerId: 'v-001' })),
      );
      const results = await Promise.all(tries);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect((await store.listUsers({ role: 'clerk' }, PAGE)).total).toBe(1);
    });
  });
}
