/**
 * Shrinks the replayed blend towards the long mean by the evidence that spending has moved. On noisy
 * or sparse spend the recent-weighted candidates chase chance (a lucky week of a solo developer reads
 * as a new level), and the replay that picks between them is as noisy as they are; the long mean of
 * every day in the window is then the better estimate. The evidence t is the last fortnight's
 * departure from the long mean in standard errors; the blend's departure from the long mean is kept
 * in the positive-part James–Stein proportion 1 − 1/t² (none at t ≤ 1, most of it from t ≈ 3 on).
 * A real trend or shift stands many standard errors out and is kept whole. (A slope test over every
 * day was tried too: heavy-tailed days made it fire by chance, and it lost more than it won.)
 */
import { RHO, type Point } from './forecast-level.ts';
import { mean } from './robust-stats.ts';

/** The fortnight whose departure from the long mean is tested. */
const RECENT = 14;

/** Share of the blend's departure from the long mean to keep (0–1). */
export function departureKept(points: readonly Point[], scatter: number): number {
  const n = points.length;
  if (n < RECENT + 7) return 1;
  const long = mean(points.map((p) => p.y));
  const recent = mean(points.slice(-RECENT).map((p) => p.y));
  // Standard error of (recent mean − long mean) when nothing moved: the recent days are part of both.
  const se = scatter * Math.sqrt(RHO * (1 / RECENT - 1 / n));
  if (!(se > 0)) return 1;
  const t = (recent - long) / se;
  return Math.max(0, 1 - 1 / (t * t));
}

export function shrinkToLong(points: readonly Point[], scatter: number, at: (x: number) => number): (x: number) => number {
  const keep = departureKept(points, scatter);
  if (keep >= 1) return at;
  const long = mean(points.map((p) => p.y));
  return (x) => long + keep * (at(x) - long);
}
