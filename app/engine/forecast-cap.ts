/**
 * The cap against the projection and its range. The cap is sure to be passed only when even the low
 * end passes it ("will-exceed": the early warning); when only the high end does, it may be
 * ("may-exceed"): worth a word, not an alarm. The date follows the path that crosses: the
 * projection when it does, otherwise the high end's.
 */
export type CapOutlook = 'over' | 'will-exceed' | 'may-exceed' | 'within' | null;

/** The rule, in one place: sure only when the low end passes the cap, possible when the high end does. */
export function outlookOf(cap: number | null, spent: number, low: number, high: number): CapOutlook {
  if (cap === null) return null;
  if (spent >= cap) return 'over';
  if (low > cap) return 'will-exceed';
  if (high > cap) return 'may-exceed';
  return 'within';
}

interface CapInput {
  readonly capUsd: number | null;
  readonly dailyUsd: ReadonlyMap<string, number>;
  readonly period: { readonly startDate: string };
}

export function capOutlook(
  input: CapInput,
  spent: number,
  todayDate: string,
  remaining: ReadonlyArray<{ date: string; usd: number }>,
  range: { projected: number; low: number; high: number },
): { outlook: CapOutlook; date: string | null } {
  const cap = input.capUsd;
  const outlook = outlookOf(cap, spent, range.low, range.high);
  if (cap === null || outlook === null) return { outlook: null, date: null };
  if (outlook === 'over') {
    // Already over: the day it happened.
    let running = 0;
    for (const [date, usd] of [...input.dailyUsd]
      .filter(([d]) => d >= input.period.startDate && d <= todayDate)
      .sort(([a], [b]) => (a < b ? -1 : 1))) {
      running += usd;
      if (running >= cap) return { outlook: 'over', date };
    }
    return { outlook: 'over', date: todayDate };
  }
  if (outlook === 'within') return { outlook, date: null };
  const future = range.projected - spent;
  // The high end's path: every remaining day scaled alike, so it ends on the high end.
  const scale = range.projected > cap || future <= 0 ? 1 : (range.high - spent) / future;
  let running = spent;
  let date: string | null = null;
  for (const day of remaining) {
    running += day.usd * scale;
    if (running >= cap) {
      date = day.date;
      break;
    }
  }
  return { outlook, date };
}
