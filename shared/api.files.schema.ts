/**
 * The contract of the files and messages functions: uploads and photo links, and the in-app
 * notices. Declared here so api.schema.ts stays readable; api.schema.ts re-exports them.
 */
import { z } from 'zod';
import { Id, Page, listOf } from './api.common';
import { text } from './text.bounds';

// ---------- files (local mode uploads; WeChat uses cloud storage) ----------

export const FilesInput = {
  upload: z.object({
    name: z.string().min(1).max(120),
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    dataBase64: z.string().min(4).max(4_000_000),
  }),
  /** short-lived links to material photos the caller may see (its uploader, or a request that carries it) */
  tempUrls: z.object({ fileIds: z.array(z.string().min(1).max(300)).min(1).max(20) }),
};
export const FilesOutput = {
  upload: z.object({ fileId: text('fileId') }),
  /** a link per file the caller may see; files they may not see are left out, as if they did not exist */
  tempUrls: z.object({ urls: z.record(text('fileId'), text('token')) }),
};

// ---------- messages (notifications: WeChat subscribe messages, and the in-app list) ----------

export const MessageViewSchema = z.object({
  id: text('id'),
  kind: text('code'),
  title: text('line'),
  body: text('text'),
  requestId: text('id').optional(),
  createdAt: text('code'),
  state: z.enum(['pending', 'sent', 'failed']),
  /** whether the caller has read it (read state is per user, also for a center's notices) */
  read: z.boolean(),
});
export type MessageView = z.infer<typeof MessageViewSchema>;
export const MessagesInput = {
  list: z.object({ ...Page }),
  /** marks the caller's notices read; ids of notices not addressed to the caller are skipped */
  markRead: z.object({ ids: z.array(Id).min(1).max(100) }),
  unread: z.object({}).default({}),
};
export const MessagesOutput = {
  list: listOf(MessageViewSchema).extend({ unread: z.number().int() }),
  markRead: z.object({ marked: z.number().int(), unread: z.number().int() }),
  unread: z.object({ count: z.number().int() }),
};
