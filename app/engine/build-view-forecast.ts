/** Step 3 of buildView: the cap in femtodollars, which days have data, and the month-end forecast. */
import type { SourceInput, ViewInput } from './build-view-input.ts';
import type { ViewPeriod } from './build-view-period.ts';
import { countedDailyBySource, type ViewSpent } from './build-view-spent.ts';
import { shareOfDayBefore, type Forecast } from './forecast.ts';
import { forecastBySource } from './forecast-sources.ts';
import { femtoToUsdNumber, usdToFemto, type Femto } from './money.ts';
import { addDays, startOfLocalDay } from './time-zone.ts';
import type { SourceKey } from './view-types.ts';

export interface ViewForecast {
  readonly cap: Femto | null;
  readonly projection: Forecast;
}

/**
 * A local day has data when some counted source covered all of it. Undefined (the forecast's
 * default: days from the first spend on) while any counted source does not report its coverage.
 */
export function coverageRule(
  sources: readonly SourceInput[],
  counted: ReadonlySet<SourceKey>,
  timeZone: string,
): ((date: string) => boolean) | undefined {
  const used = sources.filter((s) => counted.has(s.id));
  if (used.length === 0 || used.some((s) => s.dataFrom === undefined || s.dataThrough === undefined)) return undefined;
  const spans = used.flatMap((s) =>
    s.dataFrom && s.dataThrough ? [{ from: Date.parse(s.dataFrom), through: Date.parse(s.dataThrough) }] : [],
  );
  return (date) => {
    const start = startOfLocalDay(date, timeZone);
    const end = startOfLocalDay(addDays(date, 1), timeZone);
    return spans.some((s) => s.from <= start && s.through >= end);
  };
}

export function viewForecast(input: ViewInput, when: ViewPeriod, spent: ViewSpent): ViewForecast {
  const { period, history, counted } = when;
  const cap = input.capUsd === null ? null : (usdToFemto(input.capUsd) ?? null);
  const hasData = coverageRule(input.sources, counted, input.timeZone);
  const labels = new Map(input.sources.map((s) => [s.id, s.label]));
  const sources = [...countedDailyBySource(input, when, spent)].map(([id, dailyUsd]) => ({ label: labels.get(id) ?? id, dailyUsd }));
  const projection = forecastBySource(
    {
      period,
      now: input.now,
      dailyUsd: spent.dailyUsd,
      historyStart: history.startDate,
      ...(hasData ? { hasData } : {}),
      todayShareDone: shareOfDayBefore(spent.pastHours, input.now, input.timeZone),
      capUsd: cap === null ? null : femtoToUsdNumber(cap),
    },
    sources,
  );
  return { cap, projection };
}
