/** Why a forecast is only rough, in the words the popover shows; null when it is not. */
import { spendsOnFewDays } from './forecast-history.ts';

export interface RoughFacts {
  /** Days with data in the history (zero days included). */
  readonly dataDays: number;
  /** Of those, days without spend. */
  readonly zeroDays: number;
  /** A level shift so recent that the new level rests on under a week. */
  readonly shifted: boolean;
  readonly projected: number;
  readonly lowUsd: number;
  readonly highUsd: number;
}

/** Under two weeks of days there is no telling a pattern from chance. */
export const FEW_DAYS = 14;

export function roughReason(f: RoughFacts): string | null {
  if (f.dataDays < FEW_DAYS) return 'few days of data — rough estimate';
  if (spendsOnFewDays(f.dataDays, f.zeroDays)) return 'spending on few days — rough estimate';
  if (f.shifted) return 'spending changed recently — rough estimate';
  if (f.projected > 0 && (f.highUsd - f.lowUsd) / 2 > 0.25 * f.projected) return 'spending varies a lot — rough estimate';
  return null;
}
