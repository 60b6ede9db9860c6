/**
 * Local-mode storage of uploaded photos under the data directory.
 * On WeChat the app uploads to cloud storage itself and only the fileID travels.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export type FileStorage = {
  save(id: string, contentType: string, bytes: Buffer): void;
  read(id: string): { contentType: string; bytes: Buffer } | null;
};

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Creates a folder-backed file storage. */
export const createFolderStorage = (dir: string): FileStorage => {
  mkdirSync(dir, { recursive: true });
  const pathOf = (id: string, ext: string) => join(dir, `${id}.${ext}`);
  return {
    save(id, contentType, bytes) {
      writeFileSync(pathOf(id, EXT[contentType] ?? 'bin'), bytes);
    },
    read(id) {
      if (!/^[a-z0-9-]+$/i.test(id)) return null;
      for (const [contentType, ext] of Object.entries(EXT)) {
        const p = pathOf(id, ext);
        if (existsSync(p)) return { contentType, bytes: readFileSync(p) };
      }
      return null;
    },
  };
};
