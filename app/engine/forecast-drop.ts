/**
 * How far to follow a recent level shift. A rise is followed at once: a launch or a new integration
 * has a reason to go on, and following it late hides a cap that will be hit (issue 10's step up).
 * A drop is followed gradually: spend that falls to a fraction of the usual is most often a pause
 * (a holiday, a week off, an outage) and comes back; following it at once would silence a warning
 * that still holds. How long a pause goes on is unknown; the rule is the Lindy one — a pause that has
 * lasted n days is as likely as not to last n more: on day x ahead it still holds with probability
 * n / (n + x). The expected level is the pause's and the usual one in those proportions, and the
 * range covers both: the level's uncertainty adds the spread of that either-or. Yesterday's spend, or
 * today's so far (scaled to a day), back nearer the usual level than the pause's ends the pause:
 * spend that is coming in again says so before two whole days would show it as an ended dip
 * (forecast-dip.ts), and the pause's mean, holding those days back, would read it as still going on
 * (figures still coming in can only make today look low, never back).
 */
import type { LevelFit } from './forecast-level.ts';

export interface ShiftLevel {
  /** Expected level (weekday pattern out) of day x ≥ 0. */
  readonly at: (x: number) => number;
  /** Standard deviation of that level from not knowing whether the shift will hold (USD). */
  readonly sd: (x: number) => number;
}

/** Probability that a pause of `days` days still holds `x` days ahead (x = 0: the rest of today). */
export const stillPaused = (days: number, x: number) => days / (days + x + 0.5);

export function followShift(fit: LevelFit, today?: number, yesterday?: number): ShiftLevel {
  const usual = fit.before;
  if (!(usual > fit.at(0))) return { at: fit.at, sd: () => 0 };
  // Yesterday's or today's spend back nearer the usual level than the pause's: the pause has ended.
  const mid = (usual + fit.at(0)) / 2;
  const over = [today, yesterday].some((y) => y !== undefined && y > mid);
  const p = (x: number) => (over ? 0 : stillPaused(fit.days, x));
  return {
    at: (x) => p(x) * fit.at(x) + (1 - p(x)) * usual,
    sd: (x) => (usual - fit.at(x)) * Math.sqrt(p(x) * (1 - p(x))),
  };
}
