/**
 * Replays each candidate on the user's own recent history: from each of the last few weeks' days,
 * project the days that followed with only what came before, and compare with what was spent. The
 * candidates are blended in proportion to the inverse of their mean squared replay error to the power 1.5 (the best leads, chance wins on noisy days count less), and the blend's
 * own replay errors (relative, per horizon) tell how wide the range must be for this user.
 */
import { CANDIDATES } from './forecast-candidates.ts';
import type { Point } from './forecast-level.ts';

export interface Replayed {
  readonly at: (x: number) => number;
  /** Relative errors of the blend's replayed sums, with the horizon (days) each covered. */
  readonly errors: ReadonlyArray<{ readonly horizon: number; readonly relative: number }>;
  readonly weights: Readonly<Record<string, number>>;
}

const MAX_CUTS = 28;
const MIN_BEFORE = 7;

/**
 * The last replay and what it was of. The view is built every minute and after every poll, and the
 * past days it replays rarely change between two views (a poll moves today); the replay is the
 * forecast's costliest step, and a pure function of the points and the rounded horizon.
 */
let last: { key: string; replayed: Replayed } | undefined;

export function replay(points: readonly Point[], horizon: number): Replayed {
  let key = `${Math.round(horizon)}`;
  for (const p of points) key += `|${p.x}:${p.y}`;
  if (last?.key === key) return last.replayed;
  const replayed = replayAnew(points, horizon);
  last = { key, replayed };
  return replayed;
}

function replayAnew(points: readonly Point[], horizon: number): Replayed {
  const names = Object.keys(CANDIDATES);
  const cuts: number[] = [];
  const earliest = points.length > MIN_BEFORE ? -points[MIN_BEFORE]!.x : 0;
  for (let c = 3; c <= Math.min(MAX_CUTS, earliest); c++) cuts.push(c);
  // For each cut: actual sum of the following data days up to the horizon, and each candidate's sum.
  const rows = cuts.flatMap((c) => {
    const before = points.filter((p) => p.x < -c).map((p) => ({ x: p.x + c, y: p.y }));
    const after = points.filter((p) => p.x >= -c && p.x < -c + Math.max(1, Math.round(horizon)));
    if (before.length < MIN_BEFORE || after.length === 0) return [];
    const actual = after.reduce((s, p) => s + p.y, 0);
    const predicted = names.map((n) => {
      const at = CANDIDATES[n]!(before);
      return at === null ? NaN : after.reduce((s, p) => s + at(p.x + c), 0);
    });
    return [{ horizon: after.length, actual, predicted }];
  });
  const score = names.map((_, i) => {
    const errs = rows.map((r) => r.predicted[i]!).filter((v) => !Number.isNaN(v));
    if (rows.length < 3 || errs.length < rows.length) return NaN;
    return rows.reduce((s, r) => s + (r.predicted[i]! - r.actual) ** 2, 0) / rows.length;
  });
  const fits = names.map((n) => CANDIDATES[n]!(points));
  let weights = names.map((_, i) => (fits[i] !== null && score[i]! >= 0 ? 1 / Math.max(score[i]!, 1e-12) ** 1.5 : 0));
  if (weights.every((w) => w === 0)) weights = names.map((n, i) => (n === 'since-shift' && fits[i] !== null ? 1 : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  weights = weights.map((w) => w / total);
  const at = (x: number) => fits.reduce((s, f, i) => s + (f === null || weights[i] === 0 ? 0 : weights[i]! * f(x)), 0);
  const errors = rows.map((r) => {
    const blend = r.predicted.reduce((s, p, i) => s + (weights[i] === 0 ? 0 : weights[i]! * p), 0);
    return { horizon: r.horizon, relative: blend > 0 ? (r.actual - blend) / blend : 0 };
  });
  return { at, errors, weights: Object.fromEntries(names.map((n, i) => [n, weights[i]!])) };
}
