#!/usr/bin/env node
/**
 * Writes the add-in's ribbon and store icons (assets/icon-{16,32,64,80,128}.png) without any image library:
 * the glyph is drawn analytically (a rounded green tile with a white bar chart and a target line across it,
 * i.e. "job targets"), supersampled 4×4 for anti-aliasing, and encoded as an RGBA PNG with zlib.
 *
 *   node scripts/make-icons.mjs        # (re)writes assets/icon-*.png
 *
 * The PNGs are committed; run this only when the glyph changes.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const SS = 4; // supersampling per axis
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const TILE = [0x10, 0x7c, 0x41]; // Excel-like green
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xff, 0xc8, 0x3d];

/** Colour of the glyph at a point (u, v) in the unit square, or null for transparent. */
function shade(u, v) {
  // Rounded tile: corner radius 0.18.
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  // Target line (dashed look is lost at 16px, so solid): a gold bar at v = 0.28, drawn over the bars.
  if (v > 0.245 && v < 0.315 && u > 0.14 && u < 0.86) return GOLD;
  // Three rising bars on a baseline.
  const base = 0.8;
  const bars = [
    [0.2, 0.36, 0.56],
    [0.42, 0.58, 0.42],
    [0.64, 0.8, 0.34],
  ];
  for (const [x0, x1, top] of bars) if (u >= x0 && u < x1 && v >= top && v < base) return WHITE;
  if (v >= base && v < base + 0.06 && u > 0.14 && u < 0.86) return WHITE;
  return TILE;
}

function render(size) {
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
        px[i + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return png(size, size, px);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(join(root, 'assets'), { recursive: true });
for (const size of SIZES) {
  const file = join(root, 'assets', `icon-${size}.png`);
  const data = render(size);
  writeFileSync(file, data);
  console.log(`assets/icon-${size}.png  ${data.length} bytes`);
}
