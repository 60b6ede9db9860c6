/**
 * What one lifecycle step works with: the options a deployment tunes, the context a rule
 * applies in, and what a rule answers. The machine and the modules its rules call share them.
 */
import { ok, type Result } from './errors';
import type { ClockCalendar } from './request.clock';
import type { Actor, AuditEntry, Request } from './request.schema';

/** Tunables of the lifecycle; defaults (lifecycle.limits.ts) follow the product design. */
export type MachineOptions = {
  /** an extended calendar (createCalendar) once an administrator loads a new year */
  calendar?: ClockCalendar;
  /** working days a bad review's rectification may take (default 15) */
  rectificationDays?: number;
  /** working days a handoff may wait for its receiving clerk (default 2) */
  handoffLimitDays?: number;
  /** working days an applicant has to supplement after a pause (default 10) */
  supplementDays?: number;
};

/** What a successful step answers: the next record and its audit lines (exactly one). */
export type Transitioned = { request: Request; audit: AuditEntry[] };

/** Where a step is taken: by whom, when, on which calendar, with which options. */
export type StepContext = { actor: Actor; now: string; calendar: ClockCalendar; options: MachineOptions };

/** What a rule's step changes on the request, and the note its audit entry carries. */
export type Applied = { changes: Partial<Request>; note: string };

/** A successful step's changes and note. */
export const applied = (changes: Partial<Request>, note: string): Result<Applied> => ok({ changes, note });
