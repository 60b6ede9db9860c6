/**
 * Serves the H5 build: files by path, index.html for app routes, nothing outside the folder.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Answers a GET for the H5 app; unknown paths fall back to index.html so app routes reload. */
export const serveStatic = (dir: string | undefined, pathname: string, res: ServerResponse): void => {
  const index = dir ? join(dir, 'index.html') : '';
  if (!dir || !existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('H5 页面尚未构建：请先运行 npm run build:h5（npm start 会自动构建）');
    return;
  }
  const target = normalize(join(dir, decodeURIComponent(pathname)));
  const inside = target.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  const file = inside && existsSync(target) && statSync(target).isFile() ? target : index;
  const body = readFileSync(file);
  const cache = file === index ? 'no-cache' : 'public, max-age=86400';
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache, 'content-length': body.length });
  res.end(body);
};
