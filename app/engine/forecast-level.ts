/**
 * Where daily spend is now and where it is heading, from the days with data (weekday pattern taken
 * out). First the most recent level shift: the split of the history whose two sides differ most, in
 * standard errors (a shift of a few days must show on each of them); when it clears CHANGE_T only
 * the days after it are used (a launch that tripled spend is the new normal; the month before it
 * says little). Then a trend over what is left, kept
 * only when it clears TREND_T standard errors, damped over the days ahead. Otherwise the level is the
 * plain mean, zero days included.
 */
import { leastSquares, mean, median, robustSpread, segments, variance } from './robust-stats.ts';

export interface Point {
  /** Days from today (negative: the past). */
  readonly x: number;
  /** Spend that day with the weekday pattern taken out (USD). */
  readonly y: number;
}

export interface LevelFit {
  /** Expected spend (weekday pattern out) of day x ≥ 0. */
  readonly at: (x: number) => number;
  /** Standard deviation of one day around the level (USD). */
  readonly scatter: number;
  /** Standard deviation of the level estimate itself on day x (USD), recent disagreement included. */
  readonly levelError: (x: number) => number;
  /** Days used after the last level shift (all days when none). */
  readonly days: number;
  /** Mean level of the days before the last level shift (NaN when none). */
  readonly before: number;
  readonly shifted: boolean;
  readonly trend: boolean;
}

/**
 * Standard errors a level shift (or an ended dip, forecast-dip.ts) must clear. The standard error is
 * already widened by √RHO for neighbouring days that move together, so 3.5 is about 5 of independent
 * days: a rise of three-quarters in ±25 % noise clears it on its third day, where 4 waited a day or two
 * more (a source added, issue 10); a short stretch must still show on each of its days (lastShift).
 */
export const CHANGE_T = 3.5;
/** A shift of up to this many days must show on each of them (lastShift). */
const SHORT = 3;
const TREND_T = 3;
/** Per-day damping of a trend carried forward: trends fade, and a wrong one costs the most far out. */
const DAMPING = 0.97;
/** Neighbouring days move together (a project, a busy week): about one independent day in RHO. */
export const RHO = 2;
const MAX_LOG_SLOPE = 0.05;

export const damped = (x: number) => (x <= 0 ? x : (DAMPING * (1 - DAMPING ** x)) / (1 - DAMPING));

/**
 * Index from which the days differ from those before by more than CHANGE_T standard errors, or 0.
 * Two days after are enough: a launch that triples spend clears CHANGE_T on its second day, and a
 * third day's wait costs a day of following it (issue 10's step up, a source added mid-month).
 * Weights `ws` (default 1) let a partial day count as the share of a day it covers.
 */
export function lastShift(ys: readonly number[], minBefore = 7, minAfter = 2, ws?: readonly number[]): number {
  // Every split's weighted means and variances from prefix sums built once.
  const n = ys.length;
  const seg = segments(ys, ws);
  const total = seg(0, n).count;
  let best = 0;
  let bestT = CHANGE_T;
  for (let k = minBefore; k <= n - minAfter; k++) {
    const [before, after] = [seg(0, k), seg(k, n)];
    const pooled = (before.sse + after.sse) / Math.max(1, total - 2);
    const se = Math.sqrt(Math.max(pooled, 1e-12) * RHO * (1 / before.count + 1 / after.count));
    const [meanBefore, meanAfter] = [before.mean, after.mean];
    const t = Math.abs(meanAfter - meanBefore) / se;
    // A shift of a few days must show on each of them: one runaway day beside an ordinary one is no new level.
    const midpoint = (meanBefore + meanAfter) / 2;
    const beyond = (y: number, line: number) => (meanAfter > meanBefore ? y > line : y < line);
    // A partial today makes no short shift long: with it, each full day must at least be past the old level.
    const fullDays = ys.slice(k).filter((_, i) => (ws?.[k + i] ?? 1) >= 1);
    const sides =
      n - k > SHORT
        ? fullDays.length > SHORT || fullDays.every((y) => beyond(y, meanBefore))
        : ys.slice(k).every((y) => beyond(y, midpoint));
    if (t > bestT && sides) [best, bestT] = [k, t];
  }
  return best;
}

/**
 * `today`: today's spend so far scaled to a whole day, with the share of a day done as its weight. It
 * is only asked once the full days show no shift: then a rise of yesterday that today sides with is
 * taken a day before a second full day would show it. Today is never a veto on a shift the full days
 * show, nor part of the level (it is a partial, noisy day).
 *
 * Today can confirm a rise, never a drop: usage figures come in late. Anthropic's usage "typically
 * appears within 5 minutes … though delays may occasionally be longer" (../shared/reference/
 * anthropic-admin-api.md §1.6); OpenAI's per-minute buckets "keep climbing for several minutes after
 * [their] end time" (openai-admin-api-and-price-catalogs.md §1, "Buckets are revised after they
 * close"). Late figures can only make today look lower than it is: a low today may be nothing but
 * lag, and taking it as a drop would report "spend fell" a day early whenever data is late. The
 * backtest has no lag and cannot see this; the rule is kept for that reason, not for its score.
 */
export function fitLevel(points: readonly Point[], today?: Point & { readonly w: number }): LevelFit {
  const values = points.map((p) => p.y);
  const shift = lastShift(values) || (today ? riseWithToday(values, today) : 0);
  const segment = points.slice(shift);
  // NaN without a shift (no days before it).
  const before = mean(points.slice(0, shift).map((p) => p.y));
  const m = levelAfter(segment, before, today);
  // A trend is looked for over the last four weeks only: older days would bend it.
  const xs = segment.slice(-28).map((p) => p.x);
  const recentYs = segment.slice(-28).map((p) => p.y);
  let at = (_x: number) => m;
  let fitted = (_x: number) => m;
  let slopeError = (_x: number) => 0;
  let trend = false;
  if (recentYs.length >= 10 && m > 0) {
    const positive = recentYs.every((y) => y > 0);
    const fit = positive ? leastSquares(xs, recentYs.map(Math.log)) : leastSquares(xs, recentYs);
    if (Math.abs(fit.b) > TREND_T * fit.slopeError * Math.sqrt(RHO)) {
      trend = true;
      if (positive) {
        const b = Math.max(-MAX_LOG_SLOPE, Math.min(MAX_LOG_SLOPE, fit.b));
        const smear = mean(recentYs.map((y, i) => y / Math.exp(fit.a + b * xs[i]!)));
        fitted = (x) => smear * Math.exp(fit.a + b * x);
        at = (x) => fitted(damped(x));
        slopeError = (x) => at(x) * fit.slopeError * Math.sqrt(RHO) * Math.abs(damped(x) - mean(xs));
      } else {
        fitted = (x) => Math.max(0.1 * m, fit.a + fit.b * x);
        at = (x) => fitted(damped(x));
        slopeError = (x) => fit.slopeError * Math.sqrt(RHO) * Math.abs(damped(x) - mean(xs));
      }
    }
  }
  const used = trend ? segment.slice(-28) : segment;
  const residuals = used.map((p) => p.y - fitted(p.x));
  const scatter = Math.sqrt(variance(residuals));
  // The last week should sit on the fit within its own noise; what it does not explain widens the level.
  const recent = residuals.slice(-7);
  const recentExcess = Math.max(0, mean(recent) ** 2 - (scatter ** 2 * RHO) / recent.length);
  const base = (scatter ** 2 * RHO) / Math.max(1, used.length) + recentExcess;
  return {
    at,
    scatter,
    levelError: (x) => Math.sqrt(base + slopeError(x) ** 2),
    days: segment.length,
    before,
    shifted: shift > 0,
    trend,
  };
}

/**
 * The mean of the days since a shift. After a rise, today's spend so far counts too, as the share of a
 * day it covers: one to three days after a launch, today is a third more to go by (on 200 seeds of the
 * backtest library the method was not tuned on, 31–230, day 15: a step up 26.4 → 26.1 %, a source
 * added 10.0 → 9.5 %). Only while today sides with the rise (above the old level), and never after a
 * drop: figures still coming in can only make today look low (fitLevel), and a today still at $0 at
 * noon is as likely late figures as a launch that stopped.
 */
function levelAfter(segment: readonly Point[], before: number, today?: { readonly y: number; readonly w: number }): number {
  const sum = segment.reduce((s, p) => s + p.y, 0);
  const m = sum / segment.length;
  return today && m > before && today.y > before ? (sum + today.w * today.y) / (segment.length + today.w) : m;
}

/** The shift that today's partial day helps show (lastShift), kept only when it is a rise (fitLevel). */
function riseWithToday(values: readonly number[], today: { readonly y: number; readonly w: number }): number {
  const k = lastShift([...values, today.y], 7, 2, [...values.map(() => 1), today.w]);
  if (k === 0) return 0;
  // Mean after the shift, today counted as the share of a day it covers (as lastShift counts it).
  const after = values.slice(k);
  const meanAfter = (after.reduce((a, b) => a + b, 0) + today.w * today.y) / (after.length + today.w);
  return meanAfter > mean(values.slice(0, k)) ? k : 0;
}

const SPIKE_AGE = 3;
/** Far above: ten robust spreads over the median (lognormal days of σ = 1 pass above 6, not 10). */
const SPIKE_SPREADS = 10;

/**
 * A day far above the rest (a runaway loop) is counted at a high but ordinary value once it is a few
 * days old; the newest days are left alone, since they may be the start of a new level. So is an
 * older day whose following week stays well up too (its median more than half-way to the ceiling):
 * that is the first day of a new level, not a runaway one, and clipping it would hold the new level low.
 */
export function clipSpikes(points: Point[]): Point[] {
  const ys = points.filter((p) => p.x < -SPIKE_AGE).map((p) => p.y);
  const spread = robustSpread(ys);
  if (!(spread > 0)) return points;
  const usual = median(ys);
  const ceiling = usual + SPIKE_SPREADS * spread;
  const staysUp = (p: Point) =>
    median(points.filter((q) => q.x > p.x && q.x <= p.x + 7).map((q) => q.y)) > usual + (SPIKE_SPREADS / 2) * spread;
  return points.map((p) => (p.x < -SPIKE_AGE && p.y > ceiling && !staysUp(p) ? { x: p.x, y: ceiling } : p));
}
