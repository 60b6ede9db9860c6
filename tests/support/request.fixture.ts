/**
 * Builders of schema-valid records for the store contract. Every builder parses its result
 * with the shared schema, so a fixture that drifts from the contract fails loudly here.
 */
import { RequestSchema, AuditEntrySchema, HandoffSchema, type AuditEntry, type Handoff, type Request } from '../../shared/request.schema';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');

/** An ISO instant `minutes` after a fixed Monday morning, so orderings are easy to read. */
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

/** A submitted request at village v-001 of township 001, decided by the township; override anything. */
export function makeRequest(overrides: Partial<Request> = {}): Request {
  const id = overrides.id ?? 'req-1';
  return RequestSchema.parse({
    id,
    version: 1,
    trackingNo: `ZC${id.toUpperCase()}`,
    itemCode: 'T-0001',
    itemName: '农村宅基地审批',
    promisedDays: 5,
    applicant: { userId: 'u-1', type: 'person', nameMasked: '张*', homeVillageId: 'v-001' },
    form: { reason: '翻建' },
    materials: [{ name: '身份证', paperSeen: false }],
    rule: 'TOWNSHIP',
    intakeCenterId: 'v-001',
    deciderId: 't-001',
    path: ['v-001', 't-001'],
    holderCenterId: 'v-001',
    state: 'submitted',
    handoffs: [],
    pauses: [],
    submittedAt: at(0),
    idempotencyKey: `key-${id}`,
    updatedAt: at(0),
    ...overrides,
  });
}

/** A handoff from the village to the township, still waiting for its receiving clerk. */
export function makeHandoff(overrides: Partial<Handoff> = {}): Handoff {
  return HandoffSchema.parse({
    id: 'h-1',
    code: 'AB12CD',
    fromCenterId: 'v-001',
    toCenterId: 't-001',
    checklist: [{ name: '身份证', form: 'paper_copy', count: 1 }],
    sentBy: 'clerk-v',
    sentAt: at(10),
    state: 'in_transit',
    ...overrides,
  });
}

/** The next version of a request, as a transition would produce it. */
export function bump(r: Request, changes: Partial<Request> = {}, minutes = 1): Request {
  return RequestSchema.parse({ ...r, ...changes, version: r.version + 1, updatedAt: at(minutes) });
}

/** One audit line about a request. */
export function makeAudit(requestId: string, action: string, minutes: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return AuditEntrySchema.parse({
    requestId,
    at: at(minutes),
    actor: { userId: 'clerk-v', role: 'clerk', centerId: 'v-001' },
    action,
    ...overrides,
  });
}
