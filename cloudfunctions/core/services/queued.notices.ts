/** Notices as outbox records, made where a step (or the overdue scan) writes them with its change. */
import type { Notice } from '../../../shared/notify.rules';
import type { OutboxRecord } from '../stores/outbox.port';

/** Notices as outbox records, ready to be written with the step that causes them. */
export const queuedNotices = (newId: (prefix: string) => string, notices: Notice[], requestId: string, at: string): OutboxRecord[] =>
  notices.map((n) => ({ ...n, id: newId('msg'), version: 1, requestId, createdAt: at, state: 'pending', attempts: 0 }));
