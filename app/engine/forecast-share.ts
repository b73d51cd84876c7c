import { localParts } from './time-zone.ts';

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
