/**
 * messages: the in-app message list. A resident or company member sees the notices sent to
 * them; a clerk sees those sent to their center as well as their own.
 */
import { defineFunction } from '../core/edge/dispatch';
import { requireSubject } from '../core/identity/caller';
import { AppError } from '../../shared/errors';
import type { OutboxRecord } from '../core/stores/outbox.port';
import type { MessageView } from '../../shared/api.schema';
import { auditListRead } from '../core/services/read.audit';

/** A queued notice as the app lists it. */
const messageView = (m: OutboxRecord): MessageView => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  createdAt: m.createdAt,
  state: m.state,
  ...(m.requestId ? { requestId: m.requestId } : {}),
});

export const messages = defineFunction('messages', {
  async list(ctx, { page, pageSize }) {
    requireSubject(ctx);
    const user = ctx.caller.user;
    if (!user) throw new AppError('NOT_BOUND');
    const to = user.role === 'clerk' && user.centerId ? { centerId: user.centerId } : { userId: user.id };
    const res = await ctx.deps.outbox.listOutbox(to, { page, pageSize });
    await auditListRead(
      ctx,
      user,
      'list.messages',
      { ...to, page, pageSize },
      res.items.map((m) => m.id),
    );
    return { ...res, items: res.items.map(messageView) };
  },
});
