/**
 * The tray ring: the figure a Windows or Linux user sees without a title. The pixels are checked
 * (how much of the ring is filled, in which colour) and saved as PNGs to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SpendView } from '../../../app/engine/view-types.ts';
import { drawRing, ringFraction, RING_SIZE, type RingSpec } from '../../../app/main/tray-ring.ts';

const base = { level: 'ok', capUsd: 3000, percentOfCap: 60.5, spentUsd: 1816.4, projectedUsd: 2243 } as const;
const view = (o: Partial<SpendView>) => ({ ...base, ...o }) as SpendView;

/** Share of the ring filled, read around its middle circle from 12 o'clock, as an eye would. */
function filledShare(pixels: Uint8Array): number {
  const middle = RING_SIZE / 2 - 1 - RING_SIZE * 0.1;
  let filled = 0;
  for (let step = 0; step < 360; step++) {
    const angle = ((step + 0.5) / 360) * 2 * Math.PI;
    const x = Math.floor(RING_SIZE / 2 + middle * Math.sin(angle));
    const y = Math.floor(RING_SIZE / 2 - middle * Math.cos(angle));
    if (pixels[(y * RING_SIZE + x) * 4 + 3]! > 200) filled++;
  }
  return filled / 360;
}

/** The dominant colour of the filled pixels, as RGB (the buffer is BGRA). */
function fillColour(pixels: Uint8Array): [number, number, number] {
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] === 255) return [pixels[i + 2]!, pixels[i + 1]!, pixels[i]!];
  return [0, 0, 0];
}

/** A minimal PNG of BGRA pixels, for looking at the icons. */
function png(pixels: Uint8Array, size: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      raw.set([pixels[i + 2]!, pixels[i + 1]!, pixels[i]!, pixels[i + 3]!], y * (size * 4 + 1) + 1 + x * 4);
    }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('tray ring', () => {
  it('fills to the percent of the cap in 5 % steps; over the cap it is full', () => {
    expect(ringFraction(view({}))).toBe(0.6);
    expect(ringFraction(view({ percentOfCap: 91.2 }))).toBe(0.9);
    expect(ringFraction(view({ percentOfCap: 93 }))).toBe(0.95);
    expect(ringFraction(view({ percentOfCap: 140 }))).toBe(1);
    expect(ringFraction(view({ level: 'empty' }))).toBe(0);
  });

  it('without a cap, fills to the share of the projected month already spent', () => {
    expect(ringFraction(view({ capUsd: null, percentOfCap: null, spentUsd: 500, projectedUsd: 2000 }))).toBe(0.25);
    expect(ringFraction(view({ capUsd: null, percentOfCap: null, spentUsd: 0, projectedUsd: 0 }))).toBe(0);
  });

  it('the drawn ring is filled to that share, coloured by state; the macOS variant is black for the template', () => {
    const specs: RingSpec[] = [
      { fraction: 0.25, state: 'ok', template: false },
      { fraction: 0.6, state: 'ok', template: false },
      { fraction: 0.9, state: 'near', template: false },
      { fraction: 1, state: 'over', template: false },
      { fraction: 0.6, state: 'ok', template: true },
    ];
    mkdirSync('test-results/screenshots', { recursive: true });
    for (const spec of specs) {
      const pixels = drawRing(spec);
      expect(pixels.length).toBe(RING_SIZE * RING_SIZE * 4);
      expect(filledShare(pixels)).toBeCloseTo(spec.fraction, 1);
      writeFileSync(
        `test-results/screenshots/tray-ring-${spec.state}-${spec.fraction * 100}${spec.template ? '-template' : ''}.png`,
        png(pixels, RING_SIZE),
      );
    }
    expect(fillColour(drawRing(specs[1]!))).toEqual([46, 157, 82]);
    expect(fillColour(drawRing(specs[2]!))).toEqual([217, 138, 0]);
    expect(fillColour(drawRing(specs[3]!))).toEqual([217, 48, 37]);
    const template = drawRing(specs[4]!);
    for (let i = 0; i < template.length; i += 4) expect([template[i], template[i + 1], template[i + 2]]).toEqual([0, 0, 0]);
  });
});
