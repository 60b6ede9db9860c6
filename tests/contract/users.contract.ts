/**
 * The UserStore contract: users and companies are created once and updated only from their stored version.
 */
import type { UserStore } from '../../cloudfunctions/core/stores/user.port';
import { makeCompany, makeUser } from '../support/directory.fixture';
import { PAGE, codeOf, value } from './contract.kit';

/** Defines the users and companies sentences over the fresh store `current()` answers. */
export function usersContract(current: () => UserStore): void {
  describe('UserStore: users and companies', () => {
    let store: UserStore;
    beforeEach(() => {
      store = current();
    });

    it('a new user is stored and a second create of the same id is a DUPLICATE', async () => {
      const user = makeUser({ id: 'u-1' });
      expect(value(await store.putUser(user))).toEqual(user);
      expect(await store.getUser('u-1')).toEqual(user);
      expect(codeOf(await store.putUser(user))).toBe('DUPLICATE');
    });

    it('a user update with the stored version succeeds and a stale one is a CONFLICT', async () => {
      const user = makeUser({ id: 'u-1' });
      await store.putUser(user);
      const bound = { ...user, version: 2, role: 'clerk' as const, centerId: 'v-001' };
      expect(value(await store.putUser(bound, 1))).toEqual(bound);
      expect(codeOf(await store.putUser({ ...user, version: 2, nameMasked: '过*' }, 1))).toBe('CONFLICT');
      expect(await store.getUser('u-1')).toEqual(bound);
      expect(codeOf(await store.putUser(makeUser({ id: 'ghost', version: 2 }), 1))).toBe('NOT_FOUND');
    });

    it('people list by role and by the center they serve, and a moved clerk lists under the new center', async () => {
      await store.putUser(makeUser({ id: 'u-a', role: 'clerk', centerId: 'v-001' }));
      await store.putUser(makeUser({ id: 'u-b', role: 'clerk', centerId: 'v-002' }));
      await store.putUser(makeUser({ id: 'u-c' }));
      await store.putUser(makeUser({ id: 'u-d', role: 'admin' }));
      const ids = async (f: Parameters<UserStore['listUsers']>[0]) => (await store.listUsers(f, PAGE)).items.map((u) => u.id);
      expect(await ids({ role: 'clerk' })).toEqual(['u-a', 'u-b']);
      expect(await ids({ centerId: 'v-001' })).toEqual(['u-a']);
      expect(await ids({ role: 'admin' })).toEqual(['u-d']);
      expect((await store.listUsers({}, PAGE)).total).toBe(4);
      const a = (await store.getUser('u-a'))!;
      value(await store.putUser({ ...a, version: 2, centerId: 'v-002' }, 1));
      expect(await ids({ centerId: 'v-002' })).toEqual(['u-a', 'u-b']);
      expect(await ids({ centerId: 'v-001' })).toEqual([]);
    });

    it('a company counts the users who are its members now, so one left without any can be claimed again', async () => {
      value(await store.putCompany(makeCompany({ id: 'co-1' })));
      expect(await store.countCompanyMembers('co-1')).toBe(0);
      const member = makeUser({ id: 'u-1', role: 'company', companyId: 'co-1' });
      value(await store.putUser(member));
      value(await store.putUser(makeUser({ id: 'u-2', role: 'company', companyId: 'co-1' })));
      value(await store.putUser(makeUser({ id: 'u-3', role: 'company', companyId: 'co-9' })));
      expect(await store.countCompanyMembers('co-1')).toBe(2);
      value(await store.putUser({ ...member, version: 2, companyId: 'co-9' }, 1));
      expect(await store.countCompanyMembers('co-1')).toBe(1);
      expect(await store.countCompanyMembers('co-9')).toBe(2);
    });

    it('one ID hash binds one user: a second create or an update to a held hash is ID_ALREADY_BOUND, and the holder keeps it', async () => {
      const holder = value(await store.putUser(makeUser({ id: 'u-1', idHash: 'h-1' })));
      expect(codeOf(await store.putUser(makeUser({ id: 'u-2', idHash: 'h-1' })))).toBe('ID_ALREADY_BOUND');
      expect(await store.getUser('u-2')).toBeNull();
      const other = value(await store.putUser(makeUser({ id: 'u-3' })));
      expect(codeOf(await store.putUser({ ...other, version: 2, idHash: 'h-1' }, 1))).toBe('ID_ALREADY_BOUND');
      expect(await store.getUser('u-3')).toEqual(other);
      expect(await store.findUserByIdHash('h-1')).toEqual(holder);
      expect(await store.findUserByIdHash('h-none')).toBeNull();
    });

    it('of two racing binds of one ID hash exactly one wins', async () => {
      const answers = await Promise.all(['u-a', 'u-b', 'u-c'].map((id) => store.putUser(makeUser({ id, idHash: 'h-race' }))));
      expect(answers.map(codeOf).sort()).toEqual(['ID_ALREADY_BOUND', 'ID_ALREADY_BOUND', 'ok']);
      const winner = answers.find((a) => a.ok);
      expect((await store.findUserByIdHash('h-race'))?.id).toBe(winner && winner.ok ? winner.value.id : '');
    });

    it('an unbound ID hash is free again, and a user may keep its own hash across updates', async () => {
      const holder = value(await store.putUser(makeUser({ id: 'u-1', idHash: 'h-1' })));
      const renamed = value(await store.putUser({ ...holder, version: 2, nameMasked: '张*' }, 1));
      const { idHash: _gone, ...unbound } = renamed;
      value(await store.putUser({ ...unbound, version: 3 }, 2));
      expect(await store.findUserByIdHash('h-1')).toBeNull();
      expect(codeOf(await store.putUser(makeUser({ id: 'u-2', idHash: 'h-1' })))).toBe('ok');
      expect((await store.findUserByIdHash('h-1'))?.id).toBe('u-2');
    });

    it('a company is found by its credit code and updated only from its stored version', async () => {
      const company = makeCompany({ id: 'co-1' });
      value(await store.putCompany(company));
      expect(await store.findCompanyByCreditCode('91370883MA3C000001')).toEqual(company);
      expect(await store.findCompanyByCreditCode('91370883MA3C999999')).toBeNull();
      const moved = { ...company, version: 2, location: 'zone' as const };
      expect(value(await store.putCompany(moved, 1))).toEqual(moved);
      expect(codeOf(await store.putCompany({ ...company, version: 2 }, 1))).toBe('CONFLICT');
      expect(await store.getCompany('co-1')).toEqual(moved);
    });
  });
}
