/**
 * files: photo uploads in local mode (on WeChat the app uploads to private cloud storage itself),
 * and short-lived links to the photos a caller may see, in both modes.
 */
import { FilesInput, FilesOutput } from '../../shared/api.files.schema';
import { AppError } from '../../shared/errors';
import { defineFunction } from '../core/edge/dispatch';
import { actorOf, requireSubject } from '../core/identity/caller';
import { mayReadFile } from '../core/services/file.access';
import { nowIso } from '../core/services/context';

const MAX_BYTES = 2_500_000;

export const files = defineFunction(
  'files',
  { input: FilesInput, output: FilesOutput },
  {
    async upload(ctx, { contentType, dataBase64 }) {
      const uploader = requireSubject(ctx);
      if (ctx.deps.mode !== 'local' || !ctx.deps.files) throw new AppError('LOCAL_MODE_ONLY');
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', { dataBase64: '图片内容为空' });
      if (bytes.length > MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
      const fileId = ctx.deps.newId('file');
      ctx.deps.files.save(fileId, contentType, bytes, uploader);
      return { fileId };
    },

    async tempUrls(ctx, { fileIds }) {
      const subject = requireSubject(ctx);
      const { user } = ctx.caller;
      const wanted = [...new Set(fileIds)];
      const allowed = await Promise.all(wanted.map((id) => mayReadFile(ctx, subject, user, id)));
      const readable = wanted.filter((_, i) => allowed[i]);
      if (user && readable.length)
        await ctx.deps.audit.appendAudit({
          at: nowIso(ctx),
          actor: actorOf(user),
          action: 'read.files',
          ids: readable,
          ...(user.centerId ? { centerId: user.centerId } : {}),
        });
      return { urls: readable.length ? await ctx.deps.fileLinks(readable) : {} };
    },
  },
);
