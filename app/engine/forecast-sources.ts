/**
 * A source that began spending lately (a key added on the 12th, a tool first used last week) is
 * forecast on its own days, from its first spend on; the other sources together as before.
 *
 * On the summed days such a start is a level shift among the other sources' noise: the shift test
 * needs a week to be sure of it, and until then the new source's spend is averaged with weeks it did
 * not exist in. Its own series has no such doubt: nothing for weeks, then spend every day. The
 * backtest's source-added month (test/bench/forecast-scenarios.ts), on seeds never tuned on (31–230),
 * at day 15: 9.5 % error forecasting the sum, 6.0 % forecasting the new source apart.
 *
 * Not when the others fell as the new source began: a move from one provider to another changes
 * little in the sum, while apart the old provider's stop would read as a pause likely to end.
 */
import { capOutlook } from './forecast-cap.ts';
import { forecast, type Forecast, type ForecastInput } from './forecast.ts';
import { mean, variance } from './robust-stats.ts';
import { addDays, daysBetween, localDate } from './time-zone.ts';

export interface SourceDays {
  /** How the popover names the source ("OpenAI"). */
  readonly label: string;
  /** The source's spend per local day (USD), over the same days as the forecast's `dailyUsd`. */
  readonly dailyUsd: ReadonlyMap<string, number>;
}

/** The other sources' history must hold two weeks without the source before it counts as new. */
const WEEKS_WITHOUT = 14;
/** A new source is a stream once it has spent on three of every four days since its first spend, over three whole days at least. */
const STREAM_DAYS = 3;
const STREAM_SHARE = 0.75;

function firstSpend(daily: ReadonlyMap<string, number>): string | null {
  let first: string | null = null;
  for (const [date, usd] of daily) if (usd > 0 && (first === null || date < first)) first = date;
  return first;
}

/** Whether a source whose `first` spend was two weeks after the `earliest` of any source has spent steadily since. */
function startedLately(daily: ReadonlyMap<string, number>, first: string, earliest: string, today: string): boolean {
  if (daysBetween(earliest, first) < WEEKS_WITHOUT) return false;
  // Whole days since the first spend: a one-off try of a new tool is no stream to carry forward.
  const wholeDays = daysBetween(first, today);
  if (wholeDays < STREAM_DAYS) return false;
  let spendDays = 0;
  for (let d = first; d < today; d = addDays(d, 1)) if ((daily.get(d) ?? 0) > 0) spendDays++;
  return spendDays >= STREAM_SHARE * wholeDays;
}

/** The others' usual spend: their days over the two weeks before the new source's first spend. */
const COMPARE_DAYS = 14;

/**
 * The others spent less since the source's first spend than over the two weeks before, by more than
 * their scatter explains: the new source replaced spend rather than added to it.
 */
function tookOver(
  others: ReadonlyMap<string, number>,
  from: string,
  today: string,
  hasData: ((date: string) => boolean) | undefined,
): boolean {
  const daysOver = (daily: ReadonlyMap<string, number>, start: string, end: string) => {
    const days: number[] = [];
    for (let d = start; d < end; d = addDays(d, 1)) if (hasData?.(d) ?? true) days.push(daily.get(d) ?? 0);
    return days;
  };
  const before = daysOver(others, addDays(from, -COMPARE_DAYS), from);
  const after = daysOver(others, from, today);
  if (before.length < 2 || after.length === 0) return false;
  const sd = Math.sqrt(variance(before));
  const fall = mean(before) - mean(after);
  // Chance alone (the others' own day-to-day scatter) rarely moves a mean two standard errors.
  return fall > 2 * sd * Math.sqrt(1 / before.length + 1 / after.length);
}

/**
 * The month-end forecast of `input`, whose `dailyUsd` is the sum of `sources`' days: each source
 * that began spending lately apart, the rest together, added up. Without such a source (or with one
 * source) it is forecast(input).
 */
export function forecastBySource(input: ForecastInput, sources: readonly SourceDays[]): Forecast {
  const today = localDate(input.now, input.period.timeZone);
  const spending = sources.flatMap((source) => {
    const first = firstSpend(source.dailyUsd);
    return first === null ? [] : [{ source, first }];
  });
  if (sources.length < 2 || spending.length === 0) return forecast(input);
  const earliest = spending.map((s) => s.first).reduce((a, b) => (b < a ? b : a));
  const lately = spending.filter(({ source, first }) => startedLately(source.dailyUsd, first, earliest, today));
  const rest = sources.filter((source) => !lately.some((s) => s.source === source));
  if (lately.length === 0 || rest.length === 0) return forecast(input);

  const restDays = new Map<string, number>();
  for (const s of rest) for (const [date, usd] of s.dailyUsd) restDays.set(date, (restDays.get(date) ?? 0) + usd);
  // A source that took the others' spend over (a move from one provider to another) changed little in
  // the sum, and the sum tells that best: apart, the others' fall would be read as a pause likely to end.
  if (lately.some(({ first }) => tookOver(restDays, first, today, input.hasData))) return forecast(input);
  const others = forecast({ ...input, dailyUsd: restDays, capUsd: null });
  const started = lately.map(({ source, first }) => ({
    label: source.label,
    days: daysBetween(first, today),
    forecast: forecast({
      ...input,
      dailyUsd: source.dailyUsd,
      historyStart: first,
      hasData: (date) => date >= first && (input.hasData?.(date) ?? true),
      capUsd: null,
    }),
  }));
  return combine(input, today, others, started);
}

/** The forecasts added up: their ranges too, as the parts' errors may well go the same way. */
function combine(
  input: ForecastInput,
  today: string,
  others: Forecast,
  started: readonly { label: string; days: number; forecast: Forecast }[],
): Forecast {
  const parts = [others, ...started.map((s) => s.forecast)];
  const sum = (f: (p: Forecast) => number) => parts.reduce((s, p) => s + f(p), 0);
  const spent = sum((p) => p.spentUsd);
  const projected = sum((p) => p.projectedUsd);
  const low = sum((p) => p.lowUsd);
  const high = sum((p) => p.highUsd);
  const byDate = new Map<string, number>();
  for (const p of parts) for (const d of p.remainingDays) byDate.set(d.date, (byDate.get(d.date) ?? 0) + d.usd);
  const remaining = [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, usd]) => ({ date, usd }));
  // At least STREAM_DAYS whole days since each began.
  const began = started.map((s) => `${s.label} began spending ${s.days} days ago`).join('; ');
  const roughReason = started.some((s) => s.forecast.roughReason !== null) ? `${began} — rough estimate` : others.roughReason;
  const cap = capOutlook(input, spent, today, remaining, { projected, low, high });
  return {
    spentUsd: spent,
    projectedUsd: projected,
    lowUsd: low,
    highUsd: high,
    confidence: roughReason === null ? 'normal' : 'low',
    roughReason,
    note: `${others.note} ${began}: projected from its own days since.`,
    capOutlook: cap.outlook,
    capHitDate: cap.date,
    remainingDays: remaining,
  };
}
