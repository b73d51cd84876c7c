/** Step 1 of buildView: the period, the one before it (the forecast's history), and what counts. */
import type { ViewInput } from './build-view-input.ts';
import { countedSources } from './counted-sources.ts';
import { periodContaining, previousPeriod, type Period } from './period.ts';
import { localDate } from './time-zone.ts';
import type { SourceKey } from './view-types.ts';

export interface ViewPeriod {
  readonly period: Period;
  readonly history: Period;
  readonly todayDate: string;
  readonly counted: ReadonlySet<SourceKey>;
}

export function viewPeriod(input: ViewInput): ViewPeriod {
  const period = periodContaining(input.now, input.timeZone, input.periodStartDay);
  return {
    period,
    history: previousPeriod(period, input.periodStartDay),
    todayDate: localDate(input.now, input.timeZone),
    counted: countedSources({ countedSources: input.countedSources, sources: input.sources }),
  };
}
