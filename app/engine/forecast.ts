/**
 * Month-end projection with a range, and the day the cap will be reached at the current pace.
 *
 * Method: take up to the last 21 complete local days (this period and the one before). Fit a trend
 * to the log of the weekday-adjusted values with Theil–Sen (the median of pairwise slopes, so one
 * spike day barely moves it), and keep it only if it stands out of the noise. Today's level for
 * weekdays and for weekends is the trimmed mean (top and bottom 20 % dropped: a spike day is
 * ignored) of the past days of that kind, brought to today along the trend. Each remaining day is
 * its kind's level moved along the trend; the rest of today uses the typical share of a day's
 * spend still to come at this hour. The range is the projection of the remaining spend times
 * exp(±1.645 σ), where σ combines the day-to-day scatter around the trend (robust MAD), the
 * uncertainty of the level and of the slope; with under a week of history it is doubled, and with
 * under three days the forecast says its confidence is low.
 */
import { addDays, daysBetween, localParts } from './time-zone.ts';
import type { Period } from './period.ts';
import { median, robustSpread, theilSenSlope, trimmedMean } from './robust-stats.ts';

export interface ForecastInput {
  readonly period: Period;
  readonly now: number;
  /** Spend per local day (USD), for this period and history before it; today's value is partial. */
  readonly dailyUsd: ReadonlyMap<string, number>;
  /** Share of a typical day's spend that happens before now's local hour (0–1). */
  readonly todayShareDone: number;
  readonly capUsd: number | null;
}

export interface Forecast {
  readonly spentUsd: number;
  readonly projectedUsd: number;
  readonly lowUsd: number;
  readonly highUsd: number;
  readonly confidence: 'low' | 'normal';
  readonly note: string;
  /** Local date the cap is (or was) reached at the current pace, or null. */
  readonly capHitDate: string | null;
  /** Expected spend of each remaining day (today's is the rest of today). */
  readonly remainingDays: ReadonlyArray<{ readonly date: string; readonly usd: number }>;
}

const WINDOW_DAYS = 21;
const MAX_DAILY_TREND = 0.05;
const Z90 = 1.645;
const AUTOCORRELATION_DAYS = 4;
/** Standard errors a slope must clear to be extrapolated; 3 because neighbouring days are not independent. */
const TREND_SIGNIFICANCE = 3;

const isWeekend = (date: string) => {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

export function forecast(input: ForecastInput): Forecast {
  const { period, now } = input;
  const today = localParts(now, period.timeZone);
  const todayDate = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  let spent = 0;
  for (const [date, usd] of input.dailyUsd)
    if (date >= period.startDate && date <= todayDate && date < period.endDate) spent += usd;

  // Complete days before today, newest window, ignoring the silence before the first spend ever seen.
  const history = [...input.dailyUsd].filter(([date]) => date < todayDate).sort(([a], [b]) => (a < b ? -1 : 1));
  const firstSpend = history.findIndex(([, usd]) => usd > 0);
  const days = (firstSpend < 0 ? [] : history.slice(firstSpend)).slice(-WINDOW_DAYS);
  const remainingDates = Array.from({ length: Math.max(0, daysBetween(todayDate, period.endDate) - 1) }, (_, i) =>
    addDays(todayDate, i + 1),
  );
  const shareLeft = Math.max(0, Math.min(1, 1 - input.todayShareDone));
  const todaySoFar = input.dailyUsd.get(todayDate) ?? 0;

  let slope = 0;
  let sigma: number;
  let dayLevel: (date: string) => number;
  let note: string;
  if (days.length === 0) {
    // Day one with nothing before it: extrapolate today's pace, and say how little that is.
    const pace = input.todayShareDone > 0.05 ? todaySoFar / input.todayShareDone : todaySoFar;
    dayLevel = () => pace;
    sigma = 0.7;
    note = 'No history yet: projected from today alone; the range is wide.';
  } else {
    const n = days.length;
    const xs = days.map(([d]) => daysBetween(todayDate, d));
    // For the trend, take the weekday/weekend difference out first.
    const weekdays = days.filter(([d]) => !isWeekend(d)).map(([, v]) => v);
    const weekends = days.filter(([d]) => isWeekend(d)).map(([, v]) => v);
    const weekendRatio =
      weekdays.length >= 3 && weekends.length >= 2 && median(weekdays) > 0 ? median(weekends) / median(weekdays) : 1;
    const floor = Math.max(1e-6, median(days.map(([, v]) => v)) * 0.01);
    const ys = days.map(([d, v]) => Math.log(Math.max(isWeekend(d) && weekendRatio > 0 ? v / weekendRatio : v, floor)));
    const spreadOfX = Math.sqrt(Math.max(1, (n * (n * n - 1)) / 12));
    if (n >= 7) {
      // A trend is used only when it clearly stands out of the day-to-day noise:
      // extrapolating a chance slope over the rest of the month costs more than it gains.
      const fitted = theilSenSlope(xs, ys);
      const flatScatter = robustSpread(ys.map((y, i) => y - fitted * xs[i]!));
      if (Math.abs(fitted) > (TREND_SIGNIFICANCE * flatScatter) / spreadOfX)
        slope = Math.max(-MAX_DAILY_TREND, Math.min(MAX_DAILY_TREND, fitted));
    }
    // Today's level for each kind of day: the trimmed mean of past days brought to today by the trend.
    const detrended = days.map(([d, v], i) => [d, v * Math.exp(-slope * xs[i]!)] as const);
    const all = trimmedMean(detrended.map(([, v]) => v));
    const weekdayLevel = weekdays.length >= 3 ? trimmedMean(detrended.filter(([d]) => !isWeekend(d)).map(([, v]) => v)) : all;
    const weekendLevel = weekends.length >= 2 ? trimmedMean(detrended.filter(([d]) => isWeekend(d)).map(([, v]) => v)) : all;
    dayLevel = (date) => (isWeekend(date) ? weekendLevel : weekdayLevel);
    const intercept = median(ys.map((y, i) => y - slope * xs[i]!));
    const scatter = robustSpread(ys.map((y, i) => y - (intercept + slope * xs[i]!)));
    const horizon = remainingDates.length + shareLeft;
    // Real spend is bursty: neighbouring days move together (a project, a batch job), so count about
    // one independent observation per four days, both in the history and in the days ahead.
    const independent = (count: number) => Math.max(1, count / AUTOCORRELATION_DAYS);
    const slopeError = (scatter / spreadOfX) * Math.sqrt(AUTOCORRELATION_DAYS);
    sigma = Math.sqrt(
      scatter ** 2 / independent(horizon) + scatter ** 2 / independent(n) + (slope === 0 ? 0 : (slopeError * horizon) / 2) ** 2,
    );
    if (n < 7) sigma *= 2;
    note =
      n < 3
        ? `Only ${n} day${n === 1 ? '' : 's'} of history: low confidence, wide range.`
        : `Trend of the last ${n} days, weekday-aware.`;
  }

  const level = (date: string) => dayLevel(date) * Math.exp(slope * daysBetween(todayDate, date));
  const remaining = [
    { date: todayDate, usd: level(todayDate) * shareLeft },
    ...remainingDates.map((date) => ({ date, usd: level(date) })),
  ];
  const future = remaining.reduce((s, d) => s + d.usd, 0);
  const projected = spent + future;
  const spread = Math.exp(Z90 * sigma);
  return {
    spentUsd: spent,
    projectedUsd: projected,
    lowUsd: spent + future / spread,
    highUsd: spent + future * spread,
    confidence: days.length < 3 ? 'low' : 'normal',
    note,
    capHitDate: capHit(input, spent, todayDate, remaining),
    remainingDays: remaining,
  };
}

function capHit(
  input: ForecastInput,
  spent: number,
  todayDate: string,
  remaining: ReadonlyArray<{ date: string; usd: number }>,
): string | null {
  const cap = input.capUsd;
  if (cap === null) return null;
  if (spent >= cap) {
    // Already over: the day it happened.
    let running = 0;
    for (const [date, usd] of [...input.dailyUsd]
      .filter(([d]) => d >= input.period.startDate && d <= todayDate)
      .sort(([a], [b]) => (a < b ? -1 : 1))) {
      running += usd;
      if (running >= cap) return date;
    }
    return todayDate;
  }
  let running = spent;
  for (const day of remaining) {
    running += day.usd;
    if (running >= cap) return day.date;
  }
  return null;
}

/** Share of a day's spend that typically happens before now's local hour, from complete past hours. */
export function shareOfDayBefore(pastHourlyUsd: ReadonlyMap<number, number>, now: number, timeZone: string): number {
  const byHour = new Array<number>(24).fill(0);
  for (const [hour, usd] of pastHourlyUsd) byHour[localParts(hour, timeZone).hour]! += usd;
  const total = byHour.reduce((a, b) => a + b, 0);
  const local = localParts(now, timeZone);
  if (total <= 0) return (local.hour + local.minute / 60) / 24;
  let before = 0;
  for (let h = 0; h < local.hour; h++) before += byHour[h]!;
  before += (byHour[local.hour]! * local.minute) / 60;
  return before / total;
}
