/** Step 3 of buildView: the cap in femtodollars and the month-end forecast. */
import type { ViewInput } from './build-view-input.ts';
import type { ViewPeriod } from './build-view-period.ts';
import type { ViewSpent } from './build-view-spent.ts';
import { forecast, shareOfDayBefore, type Forecast } from './forecast.ts';
import { femtoToUsdNumber, usdToFemto, type Femto } from './money.ts';

export interface ViewForecast {
  readonly cap: Femto | null;
  readonly projection: Forecast;
}

export function viewForecast(input: ViewInput, { period }: ViewPeriod, spent: ViewSpent): ViewForecast {
  const cap = input.capUsd === null ? null : (usdToFemto(input.capUsd) ?? null);
  const projection = forecast({
    period,
    now: input.now,
    dailyUsd: spent.dailyUsd,
    todayShareDone: shareOfDayBefore(spent.pastHours, input.now, input.timeZone),
    capUsd: cap === null ? null : femtoToUsdNumber(cap),
  });
  return { cap, projection };
}
