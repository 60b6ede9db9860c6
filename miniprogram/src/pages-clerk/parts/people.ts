import type { AuditEntry } from '@shared/request.schema';

/** Display names of everyone who acted on a request, by user id, as the server masked them in the timeline. */
export const peopleOf = (timeline: readonly AuditEntry[]): Record<string, string> =>
  Object.fromEntries(timeline.filter((e) => e.actor.name).map((e) => [e.actor.userId, e.actor.name as string]));
