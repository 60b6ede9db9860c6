/**
 * The notices waiting to be sent, and the in-app message list they double as. Notices are
 * written together with the request step that causes them (RequestStore.updateRequest), or
 * queued once by the scheduler for the administrators (addOutbox); this port reads them and records each delivery attempt.
 */
import type { Result } from '../../../shared/errors';
import type { Page, PageOf } from './store.page';

/** Who a notice is for: a user, every clerk of a center, or the city administrators. */
export type Recipient = { userId?: string; centerId?: string; role?: 'admin' };

/** A queued notification (outbox). */
export type OutboxRecord = {
  id: string;
  version: number;
  to: Recipient;
  kind: string;
  requestId?: string;
  /** the 云上宠企 demand a notice is about (its page opens from the message) */
  demandId?: string;
  title: string;
  body: string;
  createdAt: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError?: string;
  sentAt?: string;
};

export interface OutboxStore {
  /** A recipient's notices, newest first. */
  listOutbox(to: Recipient, page: Page): Promise<PageOf<OutboxRecord>>;
  /** The oldest notices still to send. */
  pendingOutbox(limit: number): Promise<OutboxRecord[]>;
  /**
   * Queues a notice no request step causes (the calendar running out, a rectification past its
   * deadline). Its id says what it is about, so a second queueing of the same notice is a DUPLICATE, not a second message.
   */
  addOutbox(message: OutboxRecord): Promise<Result<OutboxRecord>>;
  /** Records a delivery attempt, conditional on the stored version. */
  updateOutbox(message: OutboxRecord, expectedVersion: number): Promise<Result<OutboxRecord>>;
  /**
   * Marks notices read for one reader (read state is per user: each clerk of a center has their
   * own). Only notices addressed to `to` are marked; unknown or foreign ids are skipped, and marking
   * twice keeps the first time. Answers how many were newly marked.
   */
  markRead(userId: string, to: Recipient, ids: string[], at: string): Promise<number>;
  /** Which of these notices the reader has read. */
  readIds(userId: string, ids: string[]): Promise<string[]>;
  /** How many notices addressed to `to` the reader has not read yet. */
  countUnread(to: Recipient, userId: string): Promise<number>;
}
