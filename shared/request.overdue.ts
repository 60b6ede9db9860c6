/**
 * The overdue scan the scheduler runs over every open request: deadlines passed or near,
 * handoffs nobody signed for. A request changes (as a flagOverdue step) only when a flag does.
 */
import { DEFAULT_HANDOFF_LIMIT_DAYS } from './lifecycle.limits';
import { LIBRARY_CLOCK, clockFlags, flagsChanged } from './request.clock';
import { transition } from './request.machine';
import { OPEN_STATES } from './queue';
import type { Actor, AuditEntry, Request } from './request.schema';
import type { MachineOptions } from './request.step';

/** The scheduler's actor. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system' };

/** The overdue scan for one request: changes it (as a flagOverdue step) only when a flag changes. */
export const scanOverdue = (request: Request, now: string, options: MachineOptions = {}): { request: Request; changed: boolean; audit: AuditEntry[] } => {
  const unchanged = { request, changed: false, audit: [] as AuditEntry[] };
  if (!OPEN_STATES.includes(request.state)) return unchanged;
  const calendar = options.calendar ?? LIBRARY_CLOCK;
  const flags = clockFlags(request, now, calendar, options.handoffLimitDays ?? DEFAULT_HANDOFF_LIMIT_DAYS);
  if (!flagsChanged(request, flags)) return unchanged;
  const step = transition(request, { type: 'flagOverdue' }, SYSTEM_ACTOR, now, options);
  return step.ok ? { ...step.value, changed: true } : unchanged;
};
