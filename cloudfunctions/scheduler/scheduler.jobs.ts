/**
 * The scheduled work: flag overdue requests and handoffs, and send queued notices.
 * A timer trigger runs it in the cloud; in local mode the gateway runs it on an interval.
 */
import { scanOverdue } from '../../shared/request.overdue';
import { overdueNotices } from '../../shared/notify.rules';
import type { Deps } from '../core/services/context';
import type { OutboxRecord } from '../core/stores/outbox.port';
import { queuedNotices } from '../core/services/request.ops';

/** Delivers one notice; throws when the channel refuses it (the job retries later). */
export type MessageSender = { send(message: OutboxRecord): Promise<void> };

/** Local mode: the stored outbox is itself the in-app message list, so delivery only marks it sent. */
export const inAppSender: MessageSender = { send: async () => undefined };

export type ScanReport = { scanned: number; flagged: number; conflicts: number };
export type DeliveryReport = { sent: number; retried: number; failed: number; conflicts: number };

/** Walks every open request in pages and writes those whose flags changed, with notices. */
export const runOverdueScan = async (deps: Pick<Deps, 'requests' | 'now' | 'newId' | 'handoffLimitDays' | 'calendar'>, pageSize = 500): Promise<ScanReport> => {
  const report: ScanReport = { scanned: 0, flagged: 0, conflicts: 0 };
  const now = deps.now().toISOString();
  for (let afterId: string | null = null; ; ) {
    const page = await deps.requests.listOpenRequests(afterId, pageSize);
    for (const r of page) {
      const step = scanOverdue(r, now, { handoffLimitDays: deps.handoffLimitDays, calendar: deps.calendar });
      if (!step.changed) continue;
      const notices = queuedNotices(deps.newId, overdueNotices(r, step.request), r.id, now);
      const saved = await deps.requests.updateRequest(step.request, r.version, step.audit, notices);
      if (saved.ok) report.flagged += 1;
      else report.conflicts += 1; // someone acted on it meanwhile; the next run looks again
    }
    report.scanned += page.length;
    if (page.length < pageSize) return report;
    afterId = page[page.length - 1].id;
  }
};

/** Sends pending notices; a failure is recorded and retried, and marked failed after `maxAttempts`. */
export const deliverOutbox = async (deps: Pick<Deps, 'outbox' | 'now'>, sender: MessageSender, maxAttempts = 5, batch = 100): Promise<DeliveryReport> => {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, conflicts: 0 };
  for (const m of await deps.outbox.pendingOutbox(batch)) {
    const attempt = { ...m, version: m.version + 1, attempts: m.attempts + 1 };
    const next = await sender.send(m).then(
      (): OutboxRecord => ({ ...attempt, state: 'sent', sentAt: deps.now().toISOString() }),
      (e: unknown): OutboxRecord => ({ ...attempt, state: attempt.attempts >= maxAttempts ? 'failed' : 'pending', lastError: String(e instanceof Error ? e.message : e).slice(0, 300) }),
    );
    const saved = await deps.outbox.updateOutbox(next, m.version);
    if (!saved.ok) report.conflicts += 1;
    else if (next.state === 'sent') report.sent += 1;
    else if (next.state === 'failed') report.failed += 1;
    else report.retried += 1;
  }
  return report;
};
