import { canRemove, homeCenterOf, newClaim, refusedClaim, transferredAdmin, verifiedClaim } from './company.rules';
import type { CompanyMember } from './company.schema';
import type { Center } from './directory.schema';

const NOW = '2026-12-01T01:00:00.000Z';
const claim = newClaim({
  id: 'cl-1',
  creditCode: '91370883MA3C4K2L15',
  name: '示例公司',
  location: 'zone',
  centerId: 'zone',
  licenceFileId: 'f-1',
  claimantId: 'u-1',
  now: NOW,
});
const member = (userId: string, role: CompanyMember['role']): CompanyMember => ({
  id: `co-1~${userId}`,
  version: 1,
  companyId: 'co-1',
  userId,
  role,
  joinedAt: NOW,
  via: 'invite',
});

describe('company rules', () => {
  it('a zone company is checked by the zone branch, a township company by its township’s own center', () => {
    const centers = [
      { id: 'zone', kind: 'zone', townshipCode: '002' },
      { id: 'ts-103', kind: 'township', townshipCode: '103' },
      { id: 'v-103-001', kind: 'village', townshipCode: '103' },
    ] as Center[];
    expect(homeCenterOf('zone', centers)?.id).toBe('zone');
    expect(homeCenterOf({ townshipCode: '103' }, centers)?.id).toBe('ts-103');
    expect(homeCenterOf({ townshipCode: '104' }, centers)).toBeNull();
  });

  it('a claim is decided once: verifying a refused claim is CLAIM_NOT_PENDING', () => {
    const refused = refusedClaim(claim, '看不清', 'clerk', NOW);
    expect(refused.ok && refused.value).toMatchObject({ state: 'refused', version: 2, reason: '看不清' });
    const again = refused.ok ? verifiedClaim(refused.value, 'co-1', 'clerk', NOW) : refused;
    expect(again.ok ? 'ok' : again.error.code).toBe('CLAIM_NOT_PENDING');
  });

  it('only the administrator removes members or hands the role over, and never to or from themselves', () => {
    const [admin, staff] = [member('u-1', 'admin'), member('u-2', 'staff')];
    expect(canRemove(admin, staff).ok).toBe(true);
    expect(canRemove(staff, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(canRemove(admin, admin)).toMatchObject({ ok: false, error: { code: 'OWN_ROLE' } });
    const moved = transferredAdmin(admin, staff);
    expect(moved.ok && [moved.value.from.role, moved.value.to.role]).toEqual(['staff', 'admin']);
    expect(transferredAdmin(admin, admin)).toMatchObject({ ok: false, error: { code: 'OWN_ROLE' } });
  });
});
