/**
 * Days that hold one steady level, or one steady rate of growth or decline, with noise around it.
 * Steady means the week-by-week means differ no more than the scatter within the weeks says chance
 * would make them (a one-way analysis of variance over consecutive 7-day blocks, counted from yesterday
 * back) and no slope stands out. When the days are steady, their plain mean is the best level there
 * is; when they are steady around the eight-week trend (forecast-candidates.ts's long-trend), that
 * trend is. The recent-weighted candidates of the replay (forecast-replay.ts) would only chase noise
 * there, and on a handful of replayed cuts chance often lets one of them win.
 *
 * Measured on 200 seeds of the backtest library the method was not tuned on (31–230), day 15: heavy
 * lognormal noise 16.8 → 16.3 % with the plain mean; a 1–3 %/day decline 6.1 → 4.6 % (day 8: 16.3 →
 * 9.7 %) with the trend.
 */
import { CANDIDATES } from './forecast-candidates.ts';
import type { Point } from './forecast-level.ts';
import { leastSquares, mean } from './robust-stats.ts';

const WEEK = 7;
/**
 * The F ratio a steady level stays under 9 times in 10: F(5, 40)'s 90 % point is 2.00 (six weeks of
 * history, the usual case at mid-month). Steadier data passes; a trend, a step or a weekly drift fails.
 */
const STEADY_F = 2;
/** Standard errors of a slope that are not chance (two-sided 95 %). */
const SLOPE_T = 2;

export function isSteady(points: readonly Point[]): boolean {
  const ys = points.map((p) => p.y);
  const weeks: number[][] = [];
  for (let end = ys.length; end >= WEEK; end -= WEEK) weeks.push(ys.slice(end - WEEK, end));
  if (weeks.length < 3) return false;
  const count = weeks.length * WEEK;
  const grand = mean(weeks.flat());
  let within = 0;
  let between = 0;
  for (const week of weeks) {
    const m = mean(week);
    for (const y of week) within += (y - m) ** 2;
    between += WEEK * (m - grand) ** 2;
  }
  if (!(within > 0)) return false;
  // A slow trend hides from the weekly means' spread (five degrees of freedom) but not from a slope (one).
  const used = points.slice(points.length - count);
  const line = leastSquares(
    used.map((p) => p.x),
    used.map((p) => p.y),
  );
  if (Math.abs(line.b) > SLOPE_T * line.slopeError) return false;
  return between / (weeks.length - 1) / (within / (count - weeks.length)) < STEADY_F;
}

/** The level of steady days (a constant, or the eight-week trend they are steady around), or null. */
export function steadyLevel(points: readonly Point[]): ((x: number) => number) | null {
  if (isSteady(points)) {
    const level = mean(points.map((p) => p.y));
    return () => level;
  }
  const trend = CANDIDATES['long-trend']!(points);
  return trend && isSteady(points.map((p) => ({ x: p.x, y: p.y / trend(p.x) }))) ? trend : null;
}
