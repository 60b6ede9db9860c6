/**
 * How a request comes to be: the submission (the applicant's snapshot and the intake they
 * chose among the route's options), then the submitted record at version 1 with its first
 * audit entry. Every later change goes through the machine.
 */
import { chinaDateOf } from './china.time';
import { fail, ok, type Result } from './errors';
import type { UserIdentity } from './identity.schema';
import { EVENT_NOTES_ZH_CN } from './request.notes.zh-CN';
import type { Actor, AuditEntry, Material, Request } from './request.schema';
import type { Transitioned } from './request.step';
import type { RouteDecision, RuleCode } from './routing.schema';
import type { Item } from './catalogue.schema';
import type { Directory } from './directory';
import { intakeOptionAt } from './routing.intake';

/** What the submit handler hands over: the item, the applicant, the form, and the routing choice. */
export type NewRequestInput = {
  item: { code: string; name: string; promisedDays: number };
  user: Request['applicant'];
  form: Request['form'];
  formHashes?: Request['formHashes'];
  sealed?: Request['sealed'];
  materials: readonly (Omit<Material, 'paperSeen'> & { paperSeen?: boolean })[];
  decision: { rule: RuleCode; decider: { id: string } };
  option: { center: { id: string }; path: readonly { id: string }[] };
  idempotencyKey: string;
  /** the keyed hash of the canonical body (see canonicalJson), stored with the key */
  idempotencyHash?: string;
  /** who handed it in when not the applicant (a village clerk's 帮办代办, a partner system) */
  submittedBy?: Actor;
  /** the partner system that filed it, when it did not come through the app */
  channel?: Request['channel'];
};

/** The identity facts a request copies from its applicant. */
export type Submitter = Pick<UserIdentity, 'id' | 'role' | 'companyId' | 'nameMasked' | 'phoneMasked' | 'homeVillageId'>;

/** What a submission settles before the form is read: the item, the applicant's snapshot, the route and the intake. */
export type Submission = Pick<NewRequestInput, 'item' | 'user' | 'decision' | 'option'>;

/**
 * Takes the applicant's chosen intake: one of the route's options, or any service center for a
 * 全市通办 item (see intakeOptionAt); INTAKE_NOT_ALLOWED when it is neither.
 */
export const submissionOf = (
  item: NewRequestInput['item'] & Pick<Item, 'lists'>,
  decision: RouteDecision,
  intakeCenterId: string,
  user: Submitter,
  dir: Directory,
): Result<Submission> => {
  const option = intakeOptionAt(item, decision, dir, intakeCenterId);
  if (!option) return fail('INTAKE_NOT_ALLOWED', { intakeCenterId: 'INTAKE_NOT_ALLOWED' });
  return ok({ item: { code: item.code, name: item.name, promisedDays: item.promisedDays }, user: applicantSnapshot(user), decision, option });
};

/** The applicant as the request keeps them: masked data only, fixed at submission. */
const applicantSnapshot = (user: Submitter): Request['applicant'] => ({
  userId: user.id,
  type: user.role === 'company' ? 'company' : 'person',
  companyId: user.companyId,
  nameMasked: user.nameMasked ?? '企业用户',
  phoneMasked: user.phoneMasked,
  homeVillageId: user.homeVillageId,
});

/**
 * Builds a submitted request (version 1) and its first audit entry. Every part comes from
 * input already parsed by the caller (the handler's schemas, the route), so it is assembled
 * here, not parsed again; a malformed `now` or a path that does not run from intake to
 * decider is a bug and throws.
 */
export const newRequest = (input: NewRequestInput, now: string, ids: { id: string; trackingNo: string }): Transitioned => {
  if (!chinaDateOf(now)) throw new Error(`newRequest: now is not an ISO instant: ${now}`);
  const path = input.option.path.map((c) => c.id);
  if (path[0] !== input.option.center.id || path[path.length - 1] !== input.decision.decider.id) {
    throw new Error(`newRequest: path ${path.join('>')} does not run from intake to decider`);
  }
  const request: Request = {
    id: ids.id,
    version: 1,
    trackingNo: ids.trackingNo,
    itemCode: input.item.code,
    itemName: input.item.name,
    promisedDays: input.item.promisedDays,
    applicant: input.user,
    form: input.form,
    ...(input.formHashes ? { formHashes: input.formHashes } : {}),
    ...(input.sealed ? { sealed: input.sealed } : {}),
    materials: input.materials.map((m) => ({ ...m, paperSeen: m.paperSeen ?? false })),
    rule: input.decision.rule,
    intakeCenterId: path[0],
    deciderId: input.decision.decider.id,
    path,
    holderCenterId: path[0],
    state: 'submitted',
    handoffs: [],
    pauses: [],
    submittedAt: now,
    dueSoon: false,
    overdue: false,
    idempotencyKey: input.idempotencyKey,
    ...(input.idempotencyHash ? { idempotencyHash: input.idempotencyHash } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
    updatedAt: now,
  };
  const actor = input.submittedBy ?? applicantActor(request);
  const note = EVENT_NOTES_ZH_CN.submit({ itemName: request.itemName });
  const audit: AuditEntry = { requestId: ids.id, at: now, actor, action: 'submit', toState: 'submitted', centerId: path[0], note };
  return { request, audit: [audit] };
};

/** The applicant as an actor, for entries the applicant causes. */
const applicantActor = (r: Request): Actor => ({
  userId: r.applicant.userId,
  role: r.applicant.type === 'company' ? 'company' : 'resident',
  ...(r.applicant.companyId ? { companyId: r.applicant.companyId } : {}),
  name: r.applicant.nameMasked,
});
