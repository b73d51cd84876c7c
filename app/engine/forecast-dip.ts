/**
 * A dip that has ended: days well below both the days before them and the days since (a holiday, a
 * week off, an outage), with spend back up for at least two days. Once spend is back it says nothing
 * about the level to come, and a mean that kept it would carry it forward as if it went on; so it is
 * left out, as clipSpikes does with a runaway day. Both sides must clear CHANGE_T standard errors: a
 * steady decline (the newest days lowest) or a step down (still low) is not a dip that ended.
 */
import { CHANGE_T, RHO, type Point } from './forecast-level.ts';
import { segments } from './robust-stats.ts';

export function dropEndedDip(points: readonly Point[], minBefore = 7, minAfter = 2, minLength = 2): readonly Point[] {
  const n = points.length;
  const seg = segments(points.map((p) => p.y));
  let best: [number, number] | null = null;
  let bestT = CHANGE_T;
  for (let a = minBefore; a + minLength + minAfter <= n; a++) {
    for (let b = a + minLength; b + minAfter <= n; b++) {
      const [before, dip, after] = [seg(0, a), seg(a, b), seg(b, n)];
      const pooled = Math.max(1e-12, (before.sse + dip.sse + after.sse) / Math.max(1, n - 3)) * RHO;
      const tBefore = (before.mean - dip.mean) / Math.sqrt(pooled * (1 / a + 1 / (b - a)));
      const tAfter = (after.mean - dip.mean) / Math.sqrt(pooled * (1 / (n - b) + 1 / (b - a)));
      const t = Math.min(tBefore, tAfter);
      if (t > bestT) [best, bestT] = [[a, b], t];
    }
  }
  return best === null ? points : [...points.slice(0, best[0]), ...points.slice(best[1])];
}
