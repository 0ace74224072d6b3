// Draws the extension icon (images/icon.png, 128x128) with plain arithmetic and writes it as a PNG,
// so no image tool is needed: node scripts/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZE = 128;
const SS = 4; // samples per axis for anti-aliasing

const navy = [22, 48, 84];
const steel = [120, 178, 232];
const steelDark = [74, 128, 186];
const flame = [255, 140, 40];
const flameCore = [255, 214, 90];

const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
// a flame: a circle whose top is pulled into a point
const inFlame = (x, y, cx, cy, r) => {
  if (y >= cy) return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  const h = r * 2.1; // height of the tip above the centre
  if (y < cy - h) return false;
  const t = (cy - y) / h; // 0 at the centre line, 1 at the tip
  const half = r * Math.sqrt(Math.max(0, 1 - t)) * (1 - 0.25 * t);
  return Math.abs(x - cx - 0.25 * r * t * t) <= half;
};

function colourAt(x, y) {
  // background tile
  if (!inRoundedRect(x, y, 4, 4, 124, 124, 22)) return null;
  let c = navy;
  // shipping container with ribs
  if (inRoundedRect(x, y, 18, 58, 96, 106, 5)) {
    c = steel;
    const rib = (x - 26) % 12;
    if (x > 24 && x < 92 && rib >= 0 && rib < 4 && y > 64 && y < 100) c = steelDark;
    if (y > 58 && y < 63) c = steelDark;
  }
  // the ignition flame over the container's corner
  if (inFlame(x, y, 92, 46, 16)) c = flame;
  if (inFlame(x, y, 92, 52, 8)) c = flameCore;
  return c;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a++;
      }
    }
    const o = 1 + px * 4;
    if (a > 0) {
      row[o] = Math.round(r / a);
      row[o + 1] = Math.round(g / a);
      row[o + 2] = Math.round(b / a);
      row[o + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(new URL('../images/', import.meta.url), { recursive: true });
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
