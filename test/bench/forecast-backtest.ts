/**
 * Backtest of the month-end projection: for every day of November 2026, at noon UTC, project with
 * the data so far and compare with November's actual total. Scenarios: the demo generator's four and
 * the library of forecast-scenarios.ts (issue 10), several seeds each. Prints, per scenario at days
 * 8, 15 and 22, the mean absolute error, how often the range held the actual, and the naive run-rate's
 * error (spent × days in month / days elapsed) beside it; then a summary against the acceptance.
 */
import { buildCatalog } from '../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../app/engine/cost-aggregator.ts';
import { forecast, shareOfDayBefore } from '../../app/engine/forecast.ts';
import { femtoToUsdNumber } from '../../app/engine/money.ts';
import { periodContaining } from '../../app/engine/period.ts';
import { DemoOrganization, HOUR_MS } from '../../app/sources/demo/demo-organization.ts';
import { SCENARIOS } from '../../app/sources/demo/demo-scenarios.ts';
import { LIBRARY_SCENARIOS, MONTH_END, MONTH_START, type GeneratedSpend } from './forecast-scenarios.ts';

const SEEDS = Number(process.env.SPENDBAR_BENCH_SEEDS ?? 12);
const DAY_MS = 86_400_000;
const REPORT_DAYS = [8, 15, 22];

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

interface Case {
  err: number;
  naiveErr: number;
  held: boolean;
}

/** One projection at noon of November's day `day` (1-based), with what the app would have by then. */
export function projectAt(spend: GeneratedSpend, day: number) {
  const now = MONTH_START + (day - 1) * DAY_MS + 12 * HOUR_MS;
  const daily = new Map<string, number>();
  const past = new Map<number, number>();
  for (const [h, usd] of spend.hourly) {
    if (h >= now) continue;
    const date = new Date(h).toISOString().slice(0, 10);
    daily.set(date, (daily.get(date) ?? 0) + usd);
    if (h < now - (now % DAY_MS)) past.set(h, usd);
  }
  const dataFrom = spend.dataFrom === null ? null : new Date(spend.dataFrom).toISOString().slice(0, 10);
  return forecast({
    period: periodContaining(now, 'UTC', 1),
    now,
    dailyUsd: daily,
    historyStart: '2026-10-01',
    ...(dataFrom === null ? {} : { hasData: (date: string) => date >= dataFrom }),
    todayShareDone: shareOfDayBefore(past, now, 'UTC'),
    capUsd: null,
  });
}

export function benchForecast(): { day15: { error: number; naive: number; held: number } } {
  const monthDays = (MONTH_END - MONTH_START) / DAY_MS;
  const cases = new Map<string, Case[][]>();
  const only = process.env.SPENDBAR_BENCH_ONLY?.split(',');
  for (const [name, make] of Object.entries(ALL)) {
    if (only && !only.includes(name)) continue;
    const perDay: Case[][] = Array.from({ length: monthDays }, () => []);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const spend = make(seed);
      let actual = 0;
      for (const [h, usd] of spend.hourly) if (h >= MONTH_START && h < MONTH_END) actual += usd;
      for (let day = 1; day <= monthDays; day++) {
        const result = projectAt(spend, day);
        const naive = (result.spentUsd * monthDays) / (day - 0.5);
        perDay[day - 1]!.push({
          err: Math.abs(result.projectedUsd - actual) / actual,
          naiveErr: Math.abs(naive - actual) / actual,
          held: actual >= result.lowUsd - 1e-9 && actual <= result.highUsd + 1e-9,
        });
      }
    }
    cases.set(name, perDay);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`forecast backtest: ${SEEDS} seeds per scenario, projection at noon UTC of each day of November 2026`);
  console.log(`  ${'scenario'.padEnd(16)}${REPORT_DAYS.map((d) => `day ${d}: error / held / naive`.padStart(34)).join('')}`);
  const reported: Case[] = [];
  let worstGap = { name: '', gap: -Infinity };
  for (const [name, perDay] of cases) {
    const cells = REPORT_DAYS.map((d) => {
      const c = perDay[d - 1]!;
      reported.push(...c);
      return `${pct(mean(c.map((x) => x.err)))} / ${pct(c.filter((x) => x.held).length / c.length)} / ${pct(mean(c.map((x) => x.naiveErr)))}`.padStart(
        34,
      );
    });
    const day15 = perDay[14]!;
    const gap = mean(day15.map((x) => x.err)) - mean(day15.map((x) => x.naiveErr));
    if (gap > worstGap.gap) worstGap = { name, gap };
    console.log(`  ${name.padEnd(16)}${cells.join('')}`);
  }
  const day15 = [...cases.values()].flatMap((perDay) => perDay[14]!);
  const everyDay = [...cases.values()].flatMap((perDay) => perDay.flat());
  const summary = {
    error: mean([...cases.values()].map((p) => mean(p[14]!.map((x) => x.err)))),
    naive: mean([...cases.values()].map((p) => mean(p[14]!.map((x) => x.naiveErr)))),
    held: reported.filter((x) => x.held).length / reported.length,
  };
  console.log(
    `  summary: day 15 error ${pct(summary.error)} (naive ${pct(summary.naive)}, target < 10 % and below naive); ` +
      `worst scenario vs naive at day 15: ${worstGap.name} ${worstGap.gap >= 0 ? '+' : ''}${(worstGap.gap * 100).toFixed(1)} points (target ≤ +2); ` +
      `range held the actual in ${pct(summary.held)} of ${reported.length} (scenario, day 8/15/22, seed) cases (target ≥ 75 %), ` +
      `${pct(everyDay.filter((x) => x.held).length / everyDay.length)} over every day; day-15 cases held ${pct(day15.filter((x) => x.held).length / day15.length)}`,
  );
  return { day15: summary };
}
