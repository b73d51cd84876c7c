import { localParts } from './time-zone.ts';

/**
 * Local hour of the day of an hour start, remembered: the view asks for every past hour of two
 * months on each refresh, and Intl's zone arithmetic costs tens of microseconds a call. Bounded:
 * cleared when it grows past two years of hours.
 */
const localHours = new Map<string, number>();
function localHour(hour: number, timeZone: string): number {
  const key = `${timeZone}|${hour}`;
  let value = localHours.get(key);
  if (value === undefined) {
    if (localHours.size > 20_000) localHours.clear();
    value = localParts(hour, timeZone).hour;
    localHours.set(key, value);
  }
  return value;
}

/** Share of a day's spend that typically happens before now's local hour, from complete past hours. */
export function shareOfDayBefore(pastHourlyUsd: ReadonlyMap<number, number>, now: number, timeZone: string): number {
  const byHour = new Array<number>(24).fill(0);
  for (const [hour, usd] of pastHourlyUsd) byHour[localHour(hour, timeZone)]! += usd;
  const total = byHour.reduce((a, b) => a + b, 0);
  const local = localParts(now, timeZone);
  if (total <= 0) return (local.hour + local.minute / 60) / 24;
  let before = 0;
  for (let h = 0; h < local.hour; h++) before += byHour[h]!;
  before += (byHour[local.hour]! * local.minute) / 60;
  return before / total;
}
