import { isBound } from './identity.rules';

describe('isBound', () => {
  it('binds a resident by a checked ID number and a home village, both needed', () => {
    expect(isBound({ role: 'resident', idHash: 'h', homeVillageId: 'v-001-001' })).toBe(true);
    expect(isBound({ role: 'resident', idHash: 'h' })).toBe(false);
    expect(isBound({ role: 'resident', homeVillageId: 'v-001-001' })).toBe(false);
  });

  it('binds a company member by their company alone', () => {
    expect(isBound({ role: 'company', companyId: 'co-1' })).toBe(true);
    expect(isBound({ role: 'company', idHash: 'h', homeVillageId: 'v-001-001' })).toBe(false);
  });
});
