/**
 * Draws the four tab-bar icons (81x81 PNG, gray and blue) from simple shapes, so the
 * repository carries no binary it cannot regenerate. Run: npx tsx miniprogram/tools/tab-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
type Shape = (x: number, y: number) => boolean;

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring =
  (cx: number, cy: number, r: number, w: number): Shape =>
  (x, y) =>
    circle(cx, cy, r)(x, y) && !circle(cx, cy, r - w)(x, y);
const roof: Shape = (x, y) => y >= 10 && y <= 40 && Math.abs(x - 40.5) <= (y - 10) * 1.15 && Math.abs(x - 40.5) >= (y - 10) * 1.15 - 9;
const any =
  (...s: Shape[]): Shape =>
  (x, y) =>
    s.some((f) => f(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

const ICONS: Record<string, Shape> = {
  home: any(roof, minus(rect(18, 38, 63, 70), rect(34, 50, 47, 70))),
  centers: any(minus(circle(40.5, 30, 20), circle(40.5, 30, 8)), (x, y) => y >= 38 && y <= 74 && Math.abs(x - 40.5) <= (74 - y) * 0.5),
  requests: any(minus(rect(16, 8, 65, 74), rect(22, 14, 59, 68)), rect(28, 24, 53, 28), rect(28, 36, 53, 40), rect(28, 48, 45, 52)),
  profile: any(circle(40.5, 26, 15), minus(circle(40.5, 78, 32), rect(0, 0, 81, 46)), ring(40.5, 26, 15, 4)),
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => (b.reduce((c, x) => crcTable[(c ^ x) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** An RGBA PNG of a shape in one colour on a transparent ground. */
const png = (shape: Shape, [r, g, b]: number[]): Buffer => {
  const rows = Array.from({ length: SIZE }, (_, y) =>
    Buffer.from([0, ...Array.from({ length: SIZE }, (_, x) => (shape(x, y) ? [r, g, b, 255] : [0, 0, 0, 0])).flat()]),
  );
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const out = join(__dirname, '../src/assets/tab');
for (const [name, shape] of Object.entries(ICONS)) {
  writeFileSync(join(out, `${name}.png`), png(shape, [78, 85, 97]));
  writeFileSync(join(out, `${name}-on.png`), png(shape, [29, 95, 214]));
}
