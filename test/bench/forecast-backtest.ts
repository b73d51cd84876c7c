/**
 * Backtest of the month-end projection: for every day of November 2026, at noon UTC, project with
 * the data so far and compare with November's actual total. Scenarios: the demo generator's four and
 * the library of forecast-scenarios.ts (issue 10), 30 seeds each (SPENDBAR_BENCH_SEEDS). Seeds 1–10
 * are the tuning seeds; the table is of the held-out seeds 11–30. Prints, per scenario at days 8, 15
 * and 22, the mean absolute error, the naive run-rate's error (spent ÷ elapsed fraction of the month)
 * beside it, the Bayes bound (the error of a forecaster that knows the seed's true parameters,
 * forecast-bound.ts; library scenarios only), the same bound without foresight of changes still to
 * begin, and how often the range held the actual; then a summary
 * against the acceptance (forecast-report.ts). SPENDBAR_BENCH_ONLY=sparse,step-up runs only those scenarios.
 */
import { buildCatalog } from '../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../app/engine/cost-aggregator.ts';
import { shareOfDayBefore } from '../../app/engine/forecast.ts';
import { forecastBySource } from '../../app/engine/forecast-sources.ts';
import { femtoToUsdNumber } from '../../app/engine/money.ts';
import { periodContaining } from '../../app/engine/period.ts';
import { DemoOrganization, HOUR_MS } from '../../app/sources/demo/demo-organization.ts';
import { SCENARIOS } from '../../app/sources/demo/demo-scenarios.ts';
import { BOUND_DRAWS, bayesBound, boundRng } from './forecast-bound.ts';
import { only as only_, printSummary, printTable, REPORT_DAYS, summarize, type Case, type Summary } from './forecast-report.ts';
import { LIBRARY_SCENARIOS, LIBRARY_TRUTH, MONTH_END, MONTH_START, type GeneratedSpend } from './forecast-scenarios.ts';

/** Seeds 1–FIT_SEEDS are the ones the method may be tuned on; the rest are held out. */
const SEEDS = Number(process.env.SPENDBAR_BENCH_SEEDS ?? 30);
const FIT_SEEDS = Math.min(SEEDS, Number(process.env.SPENDBAR_BENCH_FIT_SEEDS ?? 10));
const DAY_MS = 86_400_000;

function demoSpend(scenario: (typeof SCENARIOS)[number], seed: number): GeneratedSpend {
  const org = new DemoOrganization({ seed, scenario, now: () => new Date(MONTH_END), origin: Date.UTC(2026, 9, 1) });
  const aggregator = new CostAggregator(buildCatalog(), (d) => d.slot, 'hour');
  for (let h = Date.UTC(2026, 9, 1); h < MONTH_END; h += HOUR_MS) {
    for (const r of org.anthropicHour(h)) aggregator.add(DemoOrganization.anthropicUsageRow(r, h));
    for (const r of org.openaiHour(h)) aggregator.add(DemoOrganization.openaiUsageRow(r, h));
  }
  const hourly = new Map<number, number>();
  for (const [slot, cost] of aggregator.groups()) hourly.set(Date.parse(`${slot}:00:00Z`), femtoToUsdNumber(cost.femto));
  return { hourly, dataFrom: null };
}

const ALL: Record<string, (seed: number) => GeneratedSpend> = {
  ...Object.fromEntries(SCENARIOS.map((s) => [s, (seed: number) => demoSpend(s, seed)])),
  ...LIBRARY_SCENARIOS,
};

/** One projection at noon of November's day `day` (1-based), with what the app would have by then. */
export function projectAt(spend: GeneratedSpend, day: number) {
  const now = MONTH_START + (day - 1) * DAY_MS + 12 * HOUR_MS;
  const past = new Map<number, number>();
  for (const [h, usd] of spend.hourly) if (h < now - (now % DAY_MS)) past.set(h, usd);
  const dataFrom = spend.dataFrom === null ? null : new Date(spend.dataFrom).toISOString().slice(0, 10);
  const input = {
    period: periodContaining(now, 'UTC', 1),
    now,
    dailyUsd: dailyBefore(spend.hourly, now),
    historyStart: '2026-10-01',
    ...(dataFrom === null ? {} : { hasData: (date: string) => date >= dataFrom }),
    todayShareDone: shareOfDayBefore(past, now, 'UTC'),
    capUsd: null,
  };
  const sources = [...(spend.bySource ?? [])].map(([label, hourly]) => ({ label, dailyUsd: dailyBefore(hourly, now) }));
  return forecastBySource(input, sources);
}

/** Spend per UTC date of the hours before `now`. */
function dailyBefore(hourly: ReadonlyMap<number, number>, now: number): Map<string, number> {
  const daily = new Map<string, number>();
  for (const [h, usd] of hourly) {
    if (h >= now) continue;
    const date = new Date(h).toISOString().slice(0, 10);
    daily.set(date, (daily.get(date) ?? 0) + usd);
  }
  return daily;
}

export function benchForecast(): { heldOut: Summary; fit: Summary } {
  const monthDays = (MONTH_END - MONTH_START) / DAY_MS;
  const cases = new Map<string, Case[][]>();
  const only = process.env.SPENDBAR_BENCH_ONLY?.split(',');
  for (const [name, make] of Object.entries(ALL)) {
    if (only && !only.includes(name)) continue;
    const perDay: Case[][] = Array.from({ length: monthDays }, () => []);
    const truthOf = LIBRARY_TRUTH[name];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const spend = make(seed);
      const truth = truthOf?.(seed);
      // The truth: this seed's own November total, every hour of it.
      let actual = 0;
      for (const [h, usd] of spend.hourly) if (h >= MONTH_START && h < MONTH_END) actual += usd;
      for (let day = 1; day <= monthDays; day++) {
        const result = projectAt(spend, day);
        // The naive run-rate: spent so far ÷ the elapsed fraction of the month (noon: day − ½).
        const naive = (result.spentUsd * monthDays) / (day - 0.5);
        const reported = truth && (REPORT_DAYS as readonly number[]).includes(day);
        const bound = reported ? bayesBound(truth, spend.hourly, day, actual, boundRng(name, seed, day)) : undefined;
        // The same clairvoyant without foresight: a step, holiday or source that begins after the day is unknown to it.
        const blind = reported
          ? bayesBound({ ...truth, rule: truth.seenOn(day) }, spend.hourly, day, actual, boundRng(`${name}|blind`, seed, day))
          : undefined;
        perDay[day - 1]!.push({
          seed,
          err: Math.abs(result.projectedUsd - actual) / actual,
          naiveErr: Math.abs(naive - actual) / actual,
          held: actual >= result.lowUsd - 1e-9 && actual <= result.highUsd + 1e-9,
          ...(bound && { bound: bound.err, boundExpected: bound.expected }),
          ...(blind && { blindBound: blind.err }),
        });
      }
    }
    cases.set(name, perDay);
  }
  const isFit = (seed: number) => seed <= FIT_SEEDS;
  const heldOutCases = only_(cases, (seed) => !isFit(seed));
  const fitCases = only_(cases, isFit);
  console.log(
    `forecast backtest: projection at noon UTC of each day of November 2026, against that seed's actual November total`,
  );
  console.log(
    `  bound: the Bayes-optimal error given the seed's true parameters and its spend to the end of the day, ` +
      `${BOUND_DRAWS} simulated months each (forecast-bound.ts); in brackets the same without foresight (a step, holiday ` +
      `or source that begins after the day unknown to it); – : a demo scenario, no rule to simulate, counted as 0 %`,
  );
  const heldOut = summarize(heldOutCases);
  const fit = summarize(fitCases);
  if (SEEDS > FIT_SEEDS) {
    console.log(`held-out seeds ${FIT_SEEDS + 1}–${SEEDS} (the method was tuned on seeds 1–${FIT_SEEDS} only):`);
    printTable(heldOutCases);
    printSummary(`held-out seeds ${FIT_SEEDS + 1}–${SEEDS}`, heldOut);
  } else printTable(fitCases);
  printSummary(`tuning seeds 1–${FIT_SEEDS}`, fit);
  if (SEEDS > FIT_SEEDS) printSummary(`all seeds 1–${SEEDS}`, summarize(cases));
  return { heldOut, fit };
}
