/**
 * Reads of personal data leave an audit entry, like every action: who read, when, and what —
 * the records by id, or for a list the query and the ids it answered. A list is one entry
 * per call, never one per row, so the trail stays readable and cheap.
 */
import type { UserRecord } from '../stores/user.port';
import { actorOf } from '../identity/caller';
import { nowIso, type CtxWith } from './context';

/** The audit actions that record a read, not a step: the timeline a person sees leaves them out. */
export const READ_ACTIONS: ReadonlySet<string> = new Set(['read', 'revealPhone']);

/** Records one read of a list of personal data (`action` names the list, e.g. `list.clerk.queue`). */
export const auditListRead = (
  ctx: CtxWith<'audit' | 'now'>,
  user: UserRecord,
  action: string,
  query: Record<string, unknown>,
  ids: readonly string[],
): Promise<void> =>
  ctx.deps.audit.appendAudit({
    at: nowIso(ctx),
    actor: actorOf(user),
    action,
    query: JSON.stringify(query),
    ids: [...ids],
    ...(user.centerId ? { centerId: user.centerId } : {}),
  });
