/**
 * Local-mode storage of uploaded photos under the data directory, each with a small record of
 * who uploaded it (`<id>.json`): access to a file is its uploader's, or goes through the
 * requests that carry it (file.access.ts). On WeChat the app uploads to cloud storage itself
 * and only the fileID travels.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export type StoredFile = { contentType: string; bytes: Buffer; uploaderId: string | null };

export type FileStorage = {
  save(id: string, contentType: string, bytes: Buffer, uploaderId: string): void;
  read(id: string): StoredFile | null;
  /** who uploaded a file, without reading its bytes; null for an unknown file */
  uploaderOf(id: string): string | null;
};

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const SAFE_ID = /^[a-z0-9-]+$/i;

/** Creates a folder-backed file storage. */
export const createFolderStorage = (dir: string): FileStorage => {
  mkdirSync(dir, { recursive: true });
  const pathOf = (id: string, ext: string) => join(dir, `${id}.${ext}`);
  const uploaderOf = (id: string): string | null => {
    if (!SAFE_ID.test(id) || !existsSync(pathOf(id, 'json'))) return null;
    return (JSON.parse(readFileSync(pathOf(id, 'json'), 'utf8')) as { uploaderId?: string }).uploaderId ?? null;
  };
  return {
    save(id, contentType, bytes, uploaderId) {
      // the record first: a photo is never on disk without its uploader
      writeFileSync(pathOf(id, 'json'), JSON.stringify({ uploaderId, contentType }), { mode: 0o600 });
      writeFileSync(pathOf(id, EXT[contentType] ?? 'bin'), bytes, { mode: 0o600 });
    },
    read(id) {
      if (!SAFE_ID.test(id)) return null;
      for (const [contentType, ext] of Object.entries(EXT)) {
        const p = pathOf(id, ext);
        if (existsSync(p)) return { contentType, bytes: readFileSync(p), uploaderId: uploaderOf(id) };
      }
      return null;
    },
    uploaderOf,
  };
};
