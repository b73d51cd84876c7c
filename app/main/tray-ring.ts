/**
 * The tray icon drawn from the real figure: a ring filled to the share of the cap used, in 5 %
 * steps, coloured by state. Windows and Linux trays have no title (Tray.setTitle is macOS only,
 * electron.d.ts), so the ring is the glance there; macOS gets a template variant (black and
 * alpha only, which the menu bar tints for light and dark, docs/api/native-image.md "Template
 * Image") beside its title. Without a cap the ring fills to the share of the month's projected
 * spend already spent. Pure: pixels out, no Electron; index.ts hands them to nativeImage.
 */
import type { SpendView } from '../engine/view-types.ts';
import type { TrayState } from './tray-figure.ts';

export interface RingSpec {
  /** 0–1 in steps of 0.05. */
  readonly fraction: number;
  readonly state: TrayState;
  readonly template: boolean;
}

/** Drawn at 2x: 32 px for the 16 pt tray slot (macOS and Windows scale it for 1x screens). */
export const RING_SIZE = 32;
export const RING_SCALE = 2;

const COLOURS: Record<TrayState, readonly [number, number, number]> = {
  ok: [46, 157, 82],
  near: [217, 138, 0],
  over: [217, 48, 37],
  error: [217, 48, 37],
  stale: [138, 138, 138],
};
const TRACK: readonly [number, number, number] = [128, 128, 128];

const step = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 20) / 20;

/** How full the ring is: percent of cap, or without a cap spent over the projected month. */
export function ringFraction(view: SpendView): number {
  if (view.level === 'empty') return 0;
  if (view.capUsd !== null && view.percentOfCap !== null) return step(view.percentOfCap / 100);
  return view.projectedUsd > 0 ? step(view.spentUsd / view.projectedUsd) : 0;
}

export function ringSpec(view: SpendView, state: TrayState, template: boolean): RingSpec {
  return { fraction: ringFraction(view), state, template };
}

export const ringKey = (spec: RingSpec) => `${spec.state}:${spec.fraction}:${spec.template ? 't' : 'c'}`;

/**
 * Raw BGRA pixels (the byte order nativeImage.createFromBitmap takes), RING_SIZE square,
 * anti-aliased by 4×4 supersampling. The arc starts at 12 o'clock and runs clockwise.
 */
export function drawRing(spec: RingSpec, size = RING_SIZE): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const centre = size / 2;
  const outer = size / 2 - 1;
  const inner = outer - size * 0.2;
  const limit = spec.fraction * 2 * Math.PI;
  const [r, g, b] = spec.template ? [0, 0, 0] : COLOURS[spec.state];
  const [tr, tg, tb] = spec.template ? [0, 0, 0] : TRACK;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let fill = 0;
      let track = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const dx = x + (sx + 0.5) / 4 - centre;
          const dy = y + (sy + 0.5) / 4 - centre;
          const d = Math.hypot(dx, dy);
          if (d < inner || d > outer) continue;
          let angle = Math.atan2(dx, -dy);
          if (angle < 0) angle += 2 * Math.PI;
          if (angle < limit) fill++;
          else track++;
        }
      }
      const fa = fill / 16;
      const ta = (track / 16) * 0.35;
      const alpha = fa + ta;
      if (alpha === 0) continue;
      const i = (y * size + x) * 4;
      pixels[i] = Math.round((b * fa + tb * ta) / alpha);
      pixels[i + 1] = Math.round((g * fa + tg * ta) / alpha);
      pixels[i + 2] = Math.round((r * fa + tr * ta) / alpha);
      pixels[i + 3] = Math.round(Math.min(1, alpha) * 255);
    }
  }
  return pixels;
}
