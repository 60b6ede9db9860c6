import { makeRequest } from '../../../../tests/support/request.fixture';
import { applicantActions, applicantActor } from './actions';

// Monday 2026-03-02, 09:00 China time
const NOW = '2026-03-02T01:00:00.000Z';
const resident = applicantActor({ id: 'u-1', role: 'resident', nameMasked: '张*' });
const decided = { by: 'c-1', at: NOW, reasons: '符合条件' };

describe('what the applicant may do', () => {
  it('offers withdraw before a decision, supplement while paused and a rating once decided and not yet rated', () => {
    const paused = makeRequest({ state: 'paused', holderCenterId: 't-001', acceptedAt: NOW, pauses: [{ from: NOW, reason: '缺材料', missing: ['户口本'] }] });
    expect(applicantActions(paused, resident, NOW)).toEqual({ withdraw: true, supplement: true, rate: false });
    const approved = makeRequest({ state: 'approved', decision: { outcome: 'approved', ...decided } });
    expect(applicantActions(approved, resident, NOW)).toEqual({ withdraw: false, supplement: false, rate: true });
    const rated = makeRequest({ state: 'delivered', deliveredAt: NOW, rating: { level: '满意', comment: '', at: NOW } });
    expect(applicantActions(rated, resident, NOW).rate).toBe(false);
  });

  it('offers the rating for 5 working days after delivery and not after the window has closed', () => {
    // delivered on Monday 2026-03-02; the 5th working day after it is Monday 2026-03-09
    const delivered = makeRequest({ state: 'delivered', decision: { outcome: 'approved', ...decided }, deliveredAt: NOW });
    expect(applicantActions(delivered, resident, '2026-03-09T08:00:00.000Z').rate).toBe(true);
    expect(applicantActions(delivered, resident, '2026-03-12T01:00:00.000Z').rate).toBe(false);
  });

  it('offers nothing to someone who is not the applicant', () => {
    const stranger = applicantActor({ id: 'u-2', role: 'resident' });
    expect(applicantActions(makeRequest(), stranger, NOW)).toEqual({ withdraw: false, supplement: false, rate: false });
    expect(applicantActions(makeRequest(), resident, NOW)).toEqual({ withdraw: true, supplement: false, rate: false });
  });
});
