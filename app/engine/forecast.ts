/**
 * Month-end projection with a range, and when the cap will be reached.
 *
 * Method: the history is every local day of this period and the one before, $0 days included and
 * days without data left out (forecast-history.ts). The weekday pattern is taken out, a runaway day
 * clipped and a dip that has ended (a week off, spend back since) left out (forecast-dip.ts); the level (and
 * a trend, if one clearly stands out) is fitted after the most recent level shift
 * (forecast-level.ts; a rise is followed at once, a drop gradually, forecast-drop.ts; today's spend so far,
 * counted as the share of a day it covers, can confirm a rise that yesterday alone could not, and
 * today back near the usual level ends a drop; late usage figures can only make today look low, so it
 * is never taken as evidence of a drop) or, without a
 * recent shift, taken from the blend of simple candidates that
 * did best when replayed on the user's own last weeks (forecast-replay.ts); each remaining day is
 * that level times its weekday's share; the rest of today uses the typical share of a day's spend still to come at this hour. The range combines the
 * day-to-day scatter, the uncertainty of the level and of the trend, disagreement of the last week
 * with the fit, and a drift term for changes no history can foresee; its width was sized on the
 * backtest library (test/bench/forecast-backtest.ts) to hold the month-end total about 80 % of the
 * time at each point of the month. A source that began spending lately is forecast apart and added
 * (forecast-sources.ts).
 */
import { capOutlook, type CapOutlook } from './forecast-cap.ts';
import { followShift } from './forecast-drop.ts';
import { dropEndedDip } from './forecast-dip.ts';
import { historyDays, spendsOnFewDays, weekdayOf, weekdayProfile } from './forecast-history.ts';
import { intermittentFuture } from './forecast-intermittent.ts';
import { clipSpikes, fitLevel, RHO } from './forecast-level.ts';
import { replay } from './forecast-replay.ts';
import { roughReason } from './forecast-rough.ts';
import { steadyLevel } from './forecast-steady.ts';
import type { Period } from './period.ts';
import { addDays, daysBetween, localDate } from './time-zone.ts';

export interface ForecastInput {
  readonly period: Period;
  readonly now: number;
  /** Spend per local day (USD), this period and history before it; today's value is partial. A data day missing here spent $0. */
  readonly dailyUsd: ReadonlyMap<string, number>;
  /** First local day of the history (default: the earliest day in dailyUsd). */
  readonly historyStart?: string;
  /** Whether a local day has data. Default: every day from the first spend on. */
  readonly hasData?: (date: string) => boolean;
  /** Share of a typical day's spend that happens before now's local hour (0–1). */
  readonly todayShareDone: number;
  readonly capUsd: number | null;
}

export interface Forecast {
  readonly spentUsd: number;
  readonly projectedUsd: number;
  /** The range meant to hold the month-end total 4 times in 5. */
  readonly lowUsd: number;
  readonly highUsd: number;
  readonly confidence: 'low' | 'normal';
  /** Why the estimate is rough ("few days of data — rough estimate"), or null. */
  readonly roughReason: string | null;
  readonly note: string;
  /** Over the cap already, sure to pass it (the low end does), may pass it (only the high end does), or not. */
  readonly capOutlook: CapOutlook;
  /** The day the cap was reached, or will be on the projection, or may be on the high end; null when not. */
  readonly capHitDate: string | null;
  /** Expected spend of each remaining day (today's is the rest of today). */
  readonly remainingDays: ReadonlyArray<{ readonly date: string; readonly usd: number }>;
}

/** Eight weeks: long enough for a weekday pattern, short enough to follow the user. */
const WINDOW_DAYS = 56;
/** Two-sided 80 %: the normal quantile. */
const Z = 1.2816;
/**
 * Relative drift of the level per month of horizon, for changes no history foresees. Sized on the
 * backtest library: 0.15 held the actual in 74 % of cases, 0.35 holds it in 82 % over every day.
 */
const DRIFT = 0.35;

/** Today's spend so far counts as part of a day once this share of a typical day is done. */
const TODAY_MIN_SHARE = 0.1;

export function forecast(input: ForecastInput): Forecast {
  const { period, now } = input;
  const todayDate = localDate(now, period.timeZone);
  let spent = 0;
  for (const [date, usd] of input.dailyUsd)
    if (date >= period.startDate && date <= todayDate && date < period.endDate) spent += usd;
  const first = input.historyStart ?? [...input.dailyUsd.keys()].reduce((a, b) => (b < a ? b : a), todayDate);
  const days = historyDays(input.dailyUsd, first, todayDate, input.hasData).slice(-WINDOW_DAYS);
  const data = days.filter((d) => d.usd !== null);
  const spendDays = data.filter((d) => d.usd! > 0).length;
  const profile = data.length >= 21 ? weekdayProfile(days) : new Array<number>(7).fill(1);
  // A weekday the pattern says never spends tells nothing about the level, and cannot be divided by (two
  // Thursdays' spend in a sparse month made a pattern of 7× on Thursdays and 0 elsewhere: NaN).
  const tellsLevel = (date: string) => profile[weekdayOf(date)]! > 0;
  const remainingDates = Array.from({ length: Math.max(0, daysBetween(todayDate, period.endDate) - 1) }, (_, i) =>
    addDays(todayDate, i + 1),
  );
  const shareLeft = Math.max(0, Math.min(1, 1 - input.todayShareDone));
  const ahead = [{ date: todayDate, x: 0, part: shareLeft }, ...remainingDates.map((date, i) => ({ date, x: i + 1, part: 1 }))];

  let remaining: Array<{ date: string; usd: number }>;
  let sigma: number;
  let note: string;
  let shifted = false;
  if (data.length === 0) {
    // Nothing before today: extrapolate today's pace, and say how little that is.
    const todaySoFar = input.dailyUsd.get(todayDate) ?? 0;
    const pace = input.todayShareDone > 0.05 ? todaySoFar / input.todayShareDone : todaySoFar;
    remaining = ahead.map((d) => ({ date: d.date, usd: pace * d.part }));
    sigma = 0.8;
    note = 'No history yet: projected from today alone.';
  } else {
    // Today so far, scaled to a whole day, counts as the share of a day it covers: it can confirm a
    // rise that yesterday alone could not (a launch is followed a day sooner), or end a pause; never a
    // drop, since figures still coming in make today look low (fitLevel).
    const share = input.todayShareDone;
    const todayPoint =
      share >= TODAY_MIN_SHARE && tellsLevel(todayDate)
        ? { x: 0, y: (input.dailyUsd.get(todayDate) ?? 0) / share / profile[weekdayOf(todayDate)]!, w: share }
        : undefined;
    const points = dropEndedDip(
      clipSpikes(
        data
          .filter((d) => tellsLevel(d.date))
          .map((d) => ({ x: daysBetween(todayDate, d.date), y: d.usd! / profile[weekdayOf(d.date)]! })),
      ),
    );
    const fit = fitLevel(points, todayPoint);
    shifted = fit.shifted && fit.days < 7;
    const horizonDays = ahead.reduce((s, d) => s + d.part, 0);
    const blend = replay(points, horizonDays);
    // A shift within the last two weeks is news the replay cannot have seen: follow it (a drop gradually,
    // and not at all once today's spend is back).
    const shift = fit.shifted && fit.days <= 14 ? followShift(fit, todayPoint?.y, yesterdayOf(points)) : null;
    // Without a shift, days that hold one steady level, or one steady rate, are carried forward by it.
    const at = shift?.at ?? steadyLevel(points) ?? blend.at;
    remaining = ahead.map((d) => ({ date: d.date, usd: at(d.x) * profile[weekdayOf(d.date)]! * d.part }));
    const future = remaining.reduce((s, d) => s + d.usd, 0);
    const horizon = ahead.reduce((s, d) => s + d.part, 0);
    // Day noise adds up as independent blocks of RHO days; the level's error is shared by every day ahead.
    const noiseVar = ahead.reduce((s, d) => s + (fit.scatter * profile[weekdayOf(d.date)]! * d.part) ** 2, 0) * RHO;
    const levelSd = ahead.reduce(
      (s, d) => s + Math.hypot(fit.levelError(d.x), shift?.sd(d.x) ?? 0) * profile[weekdayOf(d.date)]! * d.part,
      0,
    );
    const driftSd = DRIFT * future * Math.sqrt(horizon / 30);
    const totalVar = noiseVar + levelSd ** 2 + driftSd ** 2;
    const modelSigma = future > 0 ? Math.sqrt(Math.log(1 + totalVar / future ** 2)) : 0;
    // What replaying on the user's own days says about errors over a comparable horizon.
    const comparable = blend.errors
      .filter((e) => e.horizon >= Math.min(horizon, 14) / 2)
      .map((e) => Math.log(Math.max(0.05, 1 + e.relative)) ** 2);
    const replaySigma = comparable.length >= 5 ? Math.sqrt(comparable.reduce((a, b) => a + b, 0) / comparable.length) : 0;
    sigma = Math.max(modelSigma, replaySigma);
    note = `${fit.shifted ? `Level since a change ${fit.days} days ago` : `Level of the last ${fit.days} days with data`}${fit.trend ? ', with its trend' : ''}, weekday-aware.`;
  }
  const zeroDays = data.length - spendDays;
  // Spending on few days: a handful of spending days still to come, or none, make the month (forecast-intermittent.ts).
  const fewFuture = spendsOnFewDays(data.length, zeroDays)
    ? intermittentFuture(
        data.map((d) => d.usd!),
        spent,
        ahead.map((d) => d.part),
      )
    : null;
  const expected = remaining.reduce((s, d) => s + d.usd, 0);
  if (fewFuture !== null) {
    // Each day keeps its share of what the level says is to come (the cap date reads the days).
    remaining = remaining.map((d) => ({ date: d.date, usd: expected > 0 ? (d.usd * fewFuture) / expected : 0 }));
    note = `Spending on ${spendDays} of the last ${data.length} days with data: the month simulated from those days.`;
  }
  const future = remaining.reduce((s, d) => s + d.usd, 0);
  const projected = spent + future;
  // The range is sized around what the level says is to come: a point of "no more spending days" for
  // someone who spends on few days is the likeliest month, not a certain one (81.8 % of sparse months
  // held on 300 seeds, where a range around that point collapsed to the spend so far).
  const lowUsd = Math.min(projected, spent + expected * Math.exp(-Z * sigma));
  const highUsd = Math.max(projected, spent + expected * Math.exp(Z * sigma));
  const rough = roughReason({
    dataDays: data.length,
    zeroDays,
    shifted,
    projected,
    lowUsd,
    highUsd,
  });
  const cap = capOutlook(input, spent, todayDate, remaining, { projected, low: lowUsd, high: highUsd });
  return {
    spentUsd: spent,
    projectedUsd: projected,
    lowUsd,
    highUsd,
    confidence: rough === null ? 'normal' : 'low',
    roughReason: rough,
    note,
    capOutlook: cap.outlook,
    capHitDate: cap.date,
    remainingDays: remaining,
  };
}

/** Yesterday's level (weekday pattern out), when yesterday is a day with data. */
const yesterdayOf = (points: readonly { x: number; y: number }[]) => (points.at(-1)?.x === -1 ? points.at(-1)!.y : undefined);

export { shareOfDayBefore } from './forecast-share.ts';
