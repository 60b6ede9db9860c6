/**
 * CompanyRegistry: who checks that a claimant really runs the company. Today the adapter is the
 * manual clerk check: a new claim waits in the 企业认领 queue of the company's home center, whose
 * clerks are told of it and look at the licence photo. An adapter over the 电子营业执照 (electronic
 * business licence) or the enterprise credit registry can replace it: it answers `verified` or
 * `refused` from the register at once, and the company handler applies that answer as a clerk's.
 */
import type { CompanyClaim } from '../../../shared/company.schema';
import type { OutboxRecord } from '../stores/outbox.port';

/** What a registry says about a new claim. */
export type RegistryVerdict = { kind: 'manual' } | { kind: 'verified' } | { kind: 'refused'; reason: string };

export interface CompanyRegistry {
  /** the name audit entries record as the decider of an automatic verdict */
  readonly name: string;
  check(claim: CompanyClaim): Promise<RegistryVerdict>;
}

/** The manual clerk check: tells the home center's clerks and leaves the claim pending for them. */
export const manualClerkCheck = (p: {
  addOutbox: (m: OutboxRecord) => Promise<unknown>;
  newId: (prefix: string) => string;
  now: () => Date;
}): CompanyRegistry => ({
  name: 'manual',
  async check(claim) {
    await p.addOutbox({
      id: p.newId('msg'),
      version: 1,
      to: { centerId: claim.centerId },
      kind: 'claim',
      title: '新的企业认领待核验',
      body: `${claim.name}（${claim.creditCode}）提交了认领，请核对营业执照`,
      createdAt: p.now().toISOString(),
      state: 'pending',
      attempts: 0,
    });
    return { kind: 'manual' };
  },
});
