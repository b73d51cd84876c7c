/**
 * The forecast's history, one entry per local day: $0 for a day with data and no spend, null for a
 * day without data (no counted source configured or synced over it yet). A day of silence is
 * information; a day nobody looked at is not.
 */
import { addDays } from './time-zone.ts';

export interface HistoryDay {
  readonly date: string;
  /** Day of the week, 0 = Sunday. */
  readonly weekday: number;
  readonly usd: number | null;
}

/** At least half the days with data spent nothing: spending comes on a few days (forecast-intermittent.ts, forecast-rough.ts). */
export const spendsOnFewDays = (dataDays: number, zeroDays: number) => dataDays > 0 && zeroDays * 2 >= dataDays;

export const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/**
 * Every day from `from` to the day before `today`. Without a coverage rule, days are data from the
 * first day with spend on (the silence before it is a source not set up yet, as far as we can tell).
 */
export function historyDays(
  dailyUsd: ReadonlyMap<string, number>,
  from: string,
  today: string,
  hasData?: (date: string) => boolean,
): HistoryDay[] {
  let firstSpend: string | undefined;
  for (const [date, usd] of dailyUsd) if (usd > 0 && date < today && (!firstSpend || date < firstSpend)) firstSpend = date;
  const isData = hasData ?? ((date: string) => firstSpend !== undefined && date >= firstSpend);
  const days: HistoryDay[] = [];
  for (let date = from; date < today; date = addDays(date, 1))
    days.push({ date, weekday: weekdayOf(date), usd: isData(date) ? (dailyUsd.get(date) ?? 0) : null });
  return days;
}

/**
 * How much each day of the week spends against the week's average (1 = average), from the ratio of
 * each day to its centred 7-day mean (so a trend or a step does not leak into it). Shrunk towards 1
 * as far as the scatter within each weekday explains the differences between them: on sparse or
 * noisy spend the profile stays flat instead of chasing chance.
 */
export function weekdayProfile(days: readonly HistoryDay[]): number[] {
  const ratios: number[][] = Array.from({ length: 7 }, () => []);
  for (let i = 3; i + 3 < days.length; i++) {
    const window = days.slice(i - 3, i + 4).map((d) => d.usd);
    if (window.some((v) => v === null)) continue;
    const around = (window as number[]).reduce((a, b) => a + b, 0) / 7;
    if (around > 0) ratios[days[i]!.weekday]!.push(days[i]!.usd! / around);
  }
  if (ratios.some((r) => r.length < 2)) return new Array<number>(7).fill(1);
  const means = ratios.map((r) => r.reduce((a, b) => a + b, 0) / r.length);
  const grand = means.reduce((a, b) => a + b, 0) / 7;
  const between = means.reduce((s, m) => s + (m - grand) ** 2, 0) / 6;
  const within =
    ratios.reduce((s, r, w) => s + r.reduce((t, v) => t + (v - means[w]!) ** 2, 0) / (r.length - 1) / r.length, 0) / 7;
  const keep = between > 0 ? Math.max(0, 1 - within / between) : 0;
  const shrunk = means.map((m) => 1 + keep * (m / grand - 1));
  const norm = shrunk.reduce((a, b) => a + b, 0) / 7;
  return shrunk.map((f) => f / norm);
}
