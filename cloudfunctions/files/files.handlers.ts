/**
 * files: photo uploads in local mode. On WeChat the app uploads to cloud storage itself.
 */
import { AppError } from '../../shared/errors';
import { defineFunction } from '../core/edge/dispatch';
import { requireSubject } from '../core/identity/caller';

const MAX_BYTES = 2_500_000;

export const files = defineFunction('files', {
  async upload(ctx, { contentType, dataBase64 }) {
    requireSubject(ctx);
    if (ctx.deps.mode !== 'local' || !ctx.deps.files) throw new AppError('LOCAL_MODE_ONLY');
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', { dataBase64: '图片内容为空' });
    if (bytes.length > MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    const fileId = ctx.deps.newId('file');
    ctx.deps.files.save(fileId, contentType, bytes);
    return { fileId };
  },
});
