import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * Draws the Teams app icons and writes them as PNG (no image library, nothing downloaded):
 *   teams/color.png   192×192, a white speech bubble with a «V» cut out, on Oslo blue
 *   teams/outline.png  32×32, the same bubble in white on a transparent background
 * Run: `npx tsx scripts/teams-icons.ts` (the PNGs are committed; run again only to change them).
 */

type Rgba = [number, number, number, number];
/** Coverage of a point in the unit square: 1 inside the shape, 0 outside. */
type Shape = (x: number, y: number) => boolean;

const OSLO_BLUE: Rgba = [0x2a, 0x28, 0x59, 255];
const WHITE: Rgba = [255, 255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG from a pixel function. */
export function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Fraction of a pixel covered by the shape, from 4×4 samples (smooth edges). */
function coverage(shape: Shape, size: number, px: number, py: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (shape((px + (i + 0.5) / 4) / size, (py + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

const distToSegment = (x: number, y: number, ax: number, ay: number, bx: number, by: number) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};

/** A rounded speech bubble with a tail, and a «V» (Veileder) cut out of it. */
const bubble: Shape = (x, y) => {
  const [l, t, r, b, rad] = [0.14, 0.16, 0.86, 0.7, 0.12];
  const cx = Math.min(Math.max(x, l + rad), r - rad);
  const cy = Math.min(Math.max(y, t + rad), b - rad);
  const inBody = x >= l && x <= r && y >= t && y <= b && Math.hypot(x - cx, y - cy) <= rad;
  const inTail = y >= b - 0.01 && y <= 0.86 && x >= 0.28 && x <= 0.28 + (0.86 - y) * 1.1 && x <= 0.46;
  const inV = Math.min(distToSegment(x, y, 0.36, 0.29, 0.5, 0.58), distToSegment(x, y, 0.64, 0.29, 0.5, 0.58)) < 0.055;
  return (inBody || inTail) && !inV;
};

const blend = (fg: Rgba, bg: Rgba, a: number): Rgba => [
  Math.round(fg[0] * a + bg[0] * (1 - a)),
  Math.round(fg[1] * a + bg[1] * (1 - a)),
  Math.round(fg[2] * a + bg[2] * (1 - a)),
  255,
];

export function colorIcon(): Buffer {
  return encodePng(192, (x, y) => blend(WHITE, OSLO_BLUE, coverage(bubble, 192, x, y)));
}

export function outlineIcon(): Buffer {
  return encodePng(32, (x, y) => [255, 255, 255, Math.round(255 * coverage(bubble, 32, x, y))]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve('teams');
  writeFileSync(path.join(dir, 'color.png'), colorIcon());
  writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
  process.stdout.write(`Skrev ${dir}/color.png (192×192) og ${dir}/outline.png (32×32)\n`);
}
