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

    it('a home center lists its verified companies, the latest verified first, by name or credit code, and a moved one under its new home', async () => {
      const put = (id: string, o: Partial<Parameters<UserStore['putCompany']>[0]> = {}) =>
        store.putCompany(makeCompany({ id, creditCode: `91370883MA3C0000${id.slice(-2)}`, ...o }));
      value(await put('co-01', { name: '邹城甲商贸有限公司', location: 'zone', verifiedAt: '2026-09-01T02:00:00.000Z' }));
      value(await put('co-02', { name: '邹城乙新材料有限公司', location: 'zone', verifiedAt: '2026-09-03T02:00:00.000Z' }));
      value(await put('co-03', { name: '邹城丙物流有限公司', location: 'zone', verifiedAt: '2026-09-01T02:00:00.000Z' }));
      value(await put('co-04', { name: '邹城丁未核验有限公司', location: 'zone' }));
      value(await put('co-05', { name: '钢山戊商贸有限公司', location: { townshipCode: '001' }, verifiedAt: '2026-09-02T02:00:00.000Z' }));
      const ids = async (f: Parameters<UserStore['listCompanies']>[0], page = PAGE) => (await store.listCompanies(f, page)).items.map((c) => c.id);
      expect(await ids({ location: 'zone' })).toEqual(['co-02', 'co-01', 'co-03']);
      expect(await ids({ location: { townshipCode: '001' } })).toEqual(['co-05']);
      expect(await ids({ location: { townshipCode: '107' } })).toEqual([]);
      expect(await ids({ location: 'zone', q: '商贸' })).toEqual(['co-01']);
      expect(await ids({ location: 'zone', q: 'ma3c000003' })).toEqual(['co-03']);
      expect(await ids({ location: 'zone', q: '%' })).toEqual([]);
      expect(await ids({ location: 'zone', q: '.' })).toEqual([]);
      const second = await store.listCompanies({ location: 'zone' }, { page: 2, pageSize: 2 });
      expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(second.items.map((c) => c.id)).toEqual(['co-03']);
      // verified later (a claim on a memberless record), moved to another home
      const unverified = (await store.getCompany('co-04'))!;
      value(await store.putCompany({ ...unverified, version: 2, verifiedAt: '2026-09-04T02:00:00.000Z' }, 1));
      const moved = (await store.getCompany('co-01'))!;
      value(await store.putCompany({ ...moved, version: 2, location: { townshipCode: '001' } }, 1));
      expect(await ids({ location: 'zone' })).toEqual(['co-04', 'co-02', 'co-03']);
      expect(await ids({ location: { townshipCode: '001' } })).toEqual(['co-05', 'co-01']);
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
