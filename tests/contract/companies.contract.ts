/**
 * The CompanyStore contract: one pending claim per person and code, a verification written
 * whole or not at all, memberships created once and changed only from their stored version, a
 * company change written with its notices or not at all.
 */
import type { CompanyStore } from '../../cloudfunctions/core/stores/company.port';
import type { UserStore } from '../../cloudfunctions/core/stores/user.port';
import type { OutboxStore } from '../../cloudfunctions/core/stores/outbox.port';
import { newClaim, refusedClaim, verifiedClaim } from '../../shared/company.rules';
import { memberIdOf, type CompanyMember } from '../../shared/company.schema';
import { makeCompany, makeMessage } from '../support/directory.fixture';
import { PAGE, codeOf, value } from './contract.kit';

const NOW = '2026-12-01T01:00:00.000Z';
const CODE = '91370883MA3C4K2L15';
const claim = (id: string, claimantId: string, at = NOW) =>
  newClaim({ id, creditCode: CODE, name: '示例公司', location: 'zone', centerId: 'zone', licenceFileId: `f-${id}`, claimantId, now: at });
const member = (companyId: string, userId: string, role: CompanyMember['role'] = 'staff', at = NOW): CompanyMember => ({
  id: memberIdOf(companyId, userId),
  version: 1,
  companyId,
  userId,
  role,
  joinedAt: at,
  via: 'invite',
});

/** Defines the company sentences over the fresh store `current()` answers. */
export function companiesContract(current: () => CompanyStore & UserStore & OutboxStore): void {
  describe('CompanyStore: claims and members', () => {
    let store: CompanyStore & UserStore & OutboxStore;
    beforeEach(() => {
      store = current();
    });

    it('a person has one pending claim on a code; others may claim it too, and a refused claim frees the person to claim again', async () => {
      value(await store.createClaim(claim('cl-1', 'u-1')));
      expect(codeOf(await store.createClaim(claim('cl-2', 'u-1')))).toBe('CLAIM_PENDING');
      value(await store.createClaim(claim('cl-3', 'u-2', '2026-12-01T02:00:00.000Z')));
      expect((await store.listClaims({ centerId: 'zone', state: 'pending' }, PAGE)).items.map((c) => c.id)).toEqual(['cl-1', 'cl-3']);
      const refused = value(refusedClaim((await store.getClaim('cl-1'))!, '执照不清楚', 'clerk-zone', NOW));
      value(await store.refuseClaim(refused, 1));
      expect(codeOf(await store.refuseClaim(refused, 1))).toBe('CONFLICT');
      value(await store.createClaim(claim('cl-4', 'u-1', '2026-12-02T01:00:00.000Z')));
      expect((await store.listClaims({ claimantId: 'u-1' }, PAGE)).items.map((c) => [c.id, c.state])).toEqual([
        ['cl-1', 'refused'],
        ['cl-4', 'pending'],
      ]);
      expect((await store.claimsWithFile('f-cl-3', 5)).map((c) => c.id)).toEqual(['cl-3']);
    });

    it('two claims by one person at once: exactly one is stored', async () => {
      const answers = await Promise.all([store.createClaim(claim('cl-a', 'u-1')), store.createClaim(claim('cl-b', 'u-1'))]);
      expect(answers.map(codeOf).sort()).toEqual(['CLAIM_PENDING', 'ok']);
      expect((await store.listClaims({ claimantId: 'u-1', state: 'pending' }, PAGE)).total).toBe(1);
    });

    it('a verification writes the claim, refuses the others, makes the company and its administrator together', async () => {
      value(await store.createClaim(claim('cl-1', 'u-1')));
      value(await store.createClaim(claim('cl-2', 'u-2')));
      const company = makeCompany({ id: 'co-1', creditCode: CODE, location: 'zone' });
      const v = {
        claim: value(verifiedClaim((await store.getClaim('cl-1'))!, 'co-1', 'clerk-zone', NOW)),
        expectedVersion: 1,
        refused: [{ claim: value(refusedClaim((await store.getClaim('cl-2'))!, '另一份已通过', 'clerk-zone', NOW)), expectedVersion: 1 }],
        company,
        admin: member('co-1', 'u-1', 'admin'),
      };
      value(await store.verifyClaim(v));
      expect((await store.getClaim('cl-1'))!.state).toBe('verified');
      expect((await store.getClaim('cl-2'))!.state).toBe('refused');
      expect(await store.getCompany('co-1')).toEqual(company);
      expect((await store.getMember('co-1', 'u-1'))!.role).toBe('admin');
      // a second, stale verification writes nothing
      expect(codeOf(await store.verifyClaim({ ...v, admin: member('co-1', 'u-9', 'admin') }))).toBe('CONFLICT');
      expect(await store.getMember('co-1', 'u-9')).toBeNull();
      // both claimants may claim the code again
      value(await store.createClaim(claim('cl-5', 'u-2')));
    });

    it('a verification with one stale claim leaves every record as it was', async () => {
      value(await store.createClaim(claim('cl-1', 'u-1')));
      value(await store.createClaim(claim('cl-2', 'u-2')));
      const other = value(refusedClaim((await store.getClaim('cl-2'))!, '不清楚', 'clerk-zone', NOW));
      value(await store.refuseClaim(other, 1));
      const v = {
        claim: value(verifiedClaim((await store.getClaim('cl-1'))!, 'co-1', 'clerk-zone', NOW)),
        expectedVersion: 1,
        refused: [{ claim: { ...other, version: 2 }, expectedVersion: 1 }],
        company: makeCompany({ id: 'co-1', creditCode: CODE }),
        admin: member('co-1', 'u-1', 'admin'),
      };
      expect(codeOf(await store.verifyClaim(v))).toBe('CONFLICT');
      expect((await store.getClaim('cl-1'))!.state).toBe('pending');
      expect(await store.getCompany('co-1')).toBeNull();
      expect(await store.getMember('co-1', 'u-1')).toBeNull();
    });

    it('a company change is written with its notices, or, from a stale or missing version, neither', async () => {
      const company = value(await store.putCompany(makeCompany({ id: 'co-1', location: 'zone', verifiedAt: NOW })));
      const officer = { userId: 'clerk-1', centerId: 'zone', assignedBy: 'u-1', assignedAt: NOW };
      const told = makeMessage({ id: 'msg-1', to: { userId: 'clerk-1' }, kind: 'company.officer', title: '您已被指定为企业管家', createdAt: NOW });
      const changed = { ...company, version: 2, officer };
      expect(value(await store.updateCompany(changed, 1, [told]))).toEqual(changed);
      expect(await store.getCompany('co-1')).toEqual(changed);
      expect((await store.listOutbox({ userId: 'clerk-1' }, PAGE)).items).toEqual([told]);
      expect((await store.listCompanies({ location: 'zone' }, PAGE)).items.map((c) => c.id)).toEqual(['co-1']);
      const late = makeMessage({ id: 'msg-2', to: { userId: 'clerk-2' }, createdAt: NOW });
      expect(codeOf(await store.updateCompany({ ...company, version: 2, officer: { ...officer, userId: 'clerk-2' } }, 1, [late]))).toBe('CONFLICT');
      expect(codeOf(await store.updateCompany(makeCompany({ id: 'co-9', version: 2 }), 1, [late]))).toBe('NOT_FOUND');
      expect(await store.getCompany('co-1')).toEqual(changed);
      expect((await store.listOutbox({ userId: 'clerk-2' }, PAGE)).total).toBe(0);
    });

    it('members are listed administrators first, memberships by person, and change only from their version', async () => {
      value(await store.putMember(member('co-1', 'u-2', 'staff', '2026-12-01T02:00:00.000Z')));
      value(await store.putMember(member('co-1', 'u-1', 'admin', '2026-12-01T03:00:00.000Z')));
      value(await store.putMember(member('co-2', 'u-2', 'admin', '2026-12-01T04:00:00.000Z')));
      expect(codeOf(await store.putMember(member('co-1', 'u-2')))).toBe('DUPLICATE');
      expect((await store.listMembers('co-1')).map((m) => m.userId)).toEqual(['u-1', 'u-2']);
      expect((await store.listMemberships('u-2')).map((m) => m.companyId)).toEqual(['co-1', 'co-2']);
      const [from, to] = [(await store.getMember('co-1', 'u-1'))!, (await store.getMember('co-1', 'u-2'))!];
      const moved = value(
        await store.putMembers([
          [{ ...from, version: 2, role: 'staff' }, 1],
          [{ ...to, version: 2, role: 'admin' }, 1],
        ]),
      );
      expect(moved.map((m) => m.role)).toEqual(['staff', 'admin']);
      expect(
        codeOf(
          await store.putMembers([
            [{ ...from, version: 3, role: 'admin' }, 2],
            [{ ...to, version: 2, role: 'staff' }, 1],
          ]),
        ),
      ).toBe('CONFLICT');
      expect((await store.getMember('co-1', 'u-1'))!.role).toBe('staff');
      expect(codeOf(await store.removeMember((await store.getMember('co-1', 'u-1'))!, 1))).toBe('CONFLICT');
      value(await store.removeMember((await store.getMember('co-1', 'u-1'))!, 2));
      expect(await store.getMember('co-1', 'u-1')).toBeNull();
      expect(codeOf(await store.removeMember(member('co-1', 'u-1'), 2))).toBe('MEMBER_NOT_FOUND');
    });
  });
}
