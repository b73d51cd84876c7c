/**
 * Ways to carry the daily level forward, each simple, each right for some spending: the mean since
 * the last level shift (with its trend when one stands out), recent-weighted means that follow a
 * drift, a damped trend for steady growth or decline (over three weeks, and over all eight for a
 * steady rate that a shorter window cannot tell from noise), and the long mean for sparse or noisy spend.
 * Which to trust is decided by replaying them on the user's own recent days (forecast-replay.ts).
 */
import { damped, fitLevel, RHO, type Point } from './forecast-level.ts';
import { leastSquares, mean } from './robust-stats.ts';

/** From past points (x < 0, days before the origin) to the expected level of day x ≥ 0. */
export type Candidate = (points: readonly Point[]) => ((x: number) => number) | null;

function weightedMean(points: readonly Point[], halfLife: number): number {
  let sw = 0;
  let sy = 0;
  for (const p of points) {
    const w = 0.5 ** (-p.x / halfLife);
    sw += w;
    sy += w * p.y;
  }
  return sw > 0 ? sy / sw : NaN;
}

/**
 * A trend over the last `window` points: multiplicative (a log-linear fit) when every day spends,
 * linear otherwise, damped over the days ahead. `long`: a rate over many weeks, its slope shrunk
 * towards flat by the share of its square that its own noise explains (b·b²/(b²+s.e.²), the s.e.
 * widened by RHO for neighbouring days that move together), so a slope that noisy days made up counts
 * little and a clear one almost fully; and not damped, since a rate that held for eight weeks is
 * likelier to hold for the next few than one seen over three (the shrinking has already weighed it).
 */
function trend(points: readonly Point[], window = 21, long = false): ((x: number) => number) | null {
  const recent = points.slice(-window);
  if (recent.length < 10) return null;
  const m = mean(recent.map((p) => p.y));
  if (!(m > 0)) return null;
  const xs = recent.map((p) => p.x);
  if (recent.every((p) => p.y > 0)) {
    const fit = leastSquares(
      xs,
      recent.map((p) => Math.log(p.y)),
    );
    const se2 = RHO * fit.slopeError ** 2;
    const raw = long ? (fit.b * fit.b * fit.b) / (fit.b * fit.b + se2) : fit.b;
    const b = Math.max(-0.05, Math.min(0.05, raw));
    const smear = mean(recent.map((p) => p.y / Math.exp(fit.a + b * p.x)));
    return (x) => smear * Math.exp(fit.a + b * (long ? x : damped(x)));
  }
  const fit = leastSquares(
    xs,
    recent.map((p) => p.y),
  );
  return (x) => Math.max(0.1 * m, fit.a + fit.b * damped(x));
}

export const CANDIDATES: Readonly<Record<string, Candidate>> = {
  'since-shift': (points) => (points.length === 0 ? null : fitLevel(points).at),
  'recent-week': (points) => (points.length < 3 ? null : () => weightedMean(points, 5)),
  'recent-fortnight': (points) => (points.length < 7 ? null : () => weightedMean(points, 12)),
  trend: (points) => trend(points),
  // A steady rate of growth or decline held for weeks: eight weeks pin the slope down three times
  // better than three (a 2 %/day decline in ±25 % noise), shrunk so noisy spend gets no made-up trend,
  // and carried forward undamped.
  // Multiplicative only: spend with $0 days has no steady rate, and the three-week trend covers it.
  'long-trend': (points) => (points.every((p) => p.y > 0) ? trend(points, 56, true) : null),
  long: (points) => (points.length === 0 ? null : () => mean(points.map((p) => p.y))),
};
