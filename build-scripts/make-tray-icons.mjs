// Draws the tray icons as PNGs (no image tools needed): a ring whose filled arc shows the state.
// macOS gets black-and-alpha "Template" images that the system tints for light and dark menu bars;
// Windows and Linux get coloured ones. Run once; the PNGs are committed under app/main/assets/tray.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const STATES = { ok: [29, 138, 78], near: [214, 128, 16], over: [192, 38, 45], error: [192, 38, 45], stale: [120, 126, 138] };
const FILL = { ok: 0.35, near: 0.8, over: 1, error: 0, stale: 0.35 };

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function icon(size, state, template) {
  const c = size / 2,
    outer = size * 0.46,
    inner = size * 0.3,
    dot = size * 0.12;
  const [r, g, b] = template ? [0, 0, 0] : STATES[state];
  return png(size, (x, y) => {
    const d = Math.hypot(x - c, y - c);
    const angle = (Math.atan2(x - c, c - y) / (2 * Math.PI) + 1) % 1; // 0 at top, clockwise
    const inRing = d <= outer && d >= inner;
    const filled = inRing && angle <= FILL[state];
    const ring = inRing ? (filled ? 255 : template ? 90 : 110) : 0;
    // Error: an exclamation dot in the middle; otherwise a small centre dot.
    const centre =
      state === 'error'
        ? Math.abs(x - c) < size * 0.07 && y > c - inner * 0.8 && y < c + inner * 0.8
          ? 255
          : 0
        : d <= dot
          ? 255
          : 0;
    const alpha = Math.max(ring, centre);
    const colour = template ? [0, 0, 0] : filled || centre ? [r, g, b] : [128, 134, 145];
    return [colour[0], colour[1], colour[2], alpha];
  });
}
for (const state of Object.keys(STATES)) {
  for (const [suffix, size] of [
    ['', 16],
    ['@2x', 32],
  ]) {
    writeFileSync(`app/main/assets/tray/${state}${suffix}.png`, icon(size, state, false));
    writeFileSync(`app/main/assets/tray/${state}Template${suffix}.png`, icon(size, state, true));
  }
}
writeFileSync('build/icon.png', icon(512, 'ok', false));
console.log('tray icons written to app/main/assets/tray');
