/** The time ranges reports read from the ledger: wide enough for any time zone, never the whole history. */
import { periodContaining, previousPeriod } from '../../engine/period.ts';
import type { Settings } from '../../shared/settings-schema.ts';
import type { TimeRange } from './ledger.ts';

const DAY_MS = 86_400_000;

/**
 * The view's rows: this period and the one before (the forecast's history). Bills are per UTC day,
 * so a day either side covers a local period boundary in any zone (UTC-12 to UTC+14).
 */
export function viewRange(now: number, settings: Pick<Settings, 'timeZone' | 'periodStartDay'>): TimeRange {
  const period = periodContaining(now, settings.timeZone, settings.periodStartDay);
  const history = previousPeriod(period, settings.periodStartDay);
  return { from: history.start - DAY_MS, to: Math.max(period.end, now) + DAY_MS };
}

/** Local dates since..until (inclusive, YYYY-MM-DD), as UTC time with a margin for any zone. */
export function localDaysRange(since: string, until: string): TimeRange {
  return { from: Date.parse(`${since}T00:00:00Z`) - 2 * DAY_MS, to: Date.parse(`${until}T00:00:00Z`) + 3 * DAY_MS };
}
