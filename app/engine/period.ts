/** The billing period: a calendar month in the user's zone, starting on a chosen day (1–28). */
import { addDays, daysBetween, localParts, startOfLocalDay } from './time-zone.ts';

export interface Period {
  readonly timeZone: string;
  /** First local day of the period, YYYY-MM-DD. */
  readonly startDate: string;
  /** First local day after the period. */
  readonly endDate: string;
  readonly start: number;
  readonly end: number;
  /** Calendar days in the period (28–31), whatever DST does to hours. */
  readonly days: number;
}

function monthDay(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
}

export function periodContaining(now: number, timeZone: string, startDay = 1): Period {
  if (!Number.isInteger(startDay) || startDay < 1 || startDay > 28)
    throw new Error(`period start day must be 1–28, got ${startDay}`);
  const local = localParts(now, timeZone);
  const monthOffset = local.day >= startDay ? 0 : -1;
  const startDate = monthDay(local.year, local.month + monthOffset, startDay);
  const endDate = monthDay(local.year, local.month + monthOffset + 1, startDay);
  return {
    timeZone,
    startDate,
    endDate,
    start: startOfLocalDay(startDate, timeZone),
    end: startOfLocalDay(endDate, timeZone),
    days: daysBetween(startDate, endDate),
  };
}

/** The period just before this one. */
export function previousPeriod(period: Period, startDay = 1): Period {
  return periodContaining(period.start - 1, period.timeZone, startDay);
}

/** Every local day of the period, in order. */
export function periodDates(period: Period): string[] {
  return Array.from({ length: period.days }, (_, i) => addDays(period.startDate, i));
}
