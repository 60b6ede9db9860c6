/**
 * messages: the in-app message list. A resident or company member sees the notices sent to
 * them; a clerk sees those sent to their center; an administrator those to the administrators.
 * Read state is per user, so each clerk of a center has their own unread count.
 */
import { MessagesInput, MessagesOutput } from '../../shared/api.files.schema';
import { defineFunction } from '../core/edge/dispatch';
import { requireSubject } from '../core/identity/caller';
import { AppError } from '../../shared/errors';
import { nowIso, type Ctx } from '../core/services/context';
import type { OutboxRecord, Recipient } from '../core/stores/outbox.port';
import type { UserRecord } from '../core/stores/user.port';
import type { MessageView } from '../../shared/api.schema';
import { auditListRead } from '../core/services/read.audit';

/** A queued notice as the app lists it. */
const messageView = (m: OutboxRecord, read: boolean): MessageView => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  createdAt: m.createdAt,
  state: m.state,
  read,
  ...(m.requestId ? { requestId: m.requestId } : {}),
});

/** The signed-in caller and the notices addressed to them. */
const reader = (ctx: Pick<Ctx, 'caller'>): { user: UserRecord; to: Recipient } => {
  requireSubject(ctx);
  const user = ctx.caller.user;
  if (!user) throw new AppError('NOT_BOUND');
  if (user.role === 'clerk' && user.centerId) return { user, to: { centerId: user.centerId } };
  if (user.role === 'admin') return { user, to: { role: 'admin' } };
  return { user, to: { userId: user.id } };
};

export const messages = defineFunction(
  'messages',
  { input: MessagesInput, output: MessagesOutput },
  {
    async list(ctx, { page, pageSize }) {
      const { user, to } = reader(ctx);
      const res = await ctx.deps.outbox.listOutbox(to, { page, pageSize });
      const [read, unread] = await Promise.all([
        ctx.deps.outbox.readIds(
          user.id,
          res.items.map((m) => m.id),
        ),
        ctx.deps.outbox.countUnread(to, user.id),
      ]);
      const seen = new Set(read);
      await auditListRead(
        ctx,
        user,
        'list.messages',
        { ...to, page, pageSize },
        res.items.map((m) => m.id),
      );
      return { ...res, items: res.items.map((m) => messageView(m, seen.has(m.id))), unread };
    },

    async markRead(ctx, { ids }) {
      const { user, to } = reader(ctx);
      const marked = await ctx.deps.outbox.markRead(user.id, to, ids, nowIso(ctx));
      return { marked, unread: await ctx.deps.outbox.countUnread(to, user.id) };
    },

    async unread(ctx) {
      const { user, to } = reader(ctx);
      return { count: await ctx.deps.outbox.countUnread(to, user.id) };
    },
  },
);
