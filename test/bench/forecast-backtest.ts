/**
 * Backtest of the month-end projection on the demo generator's scenarios: for every day of the
 * month, at noon UTC, project with the data so far; compare with the actual month-end total.
 * Prints mean absolute percentage error and how often the range held the actual, beside the
 * naive linear run-rate (spent × days in month / days elapsed).
 */
import { buildCatalog } from '../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../app/engine/cost-aggregator.ts';
import { forecast, shareOfDayBefore } from '../../app/engine/forecast.ts';
import { femtoToUsdNumber } from '../../app/engine/money.ts';
import { periodContaining } from '../../app/engine/period.ts';
import { DemoOrganization, HOUR_MS } from '../../app/sources/demo/demo-organization.ts';
import { SCENARIOS, type ScenarioName } from '../../app/sources/demo/demo-scenarios.ts';

const MONTH_START = Date.UTC(2026, 10, 1);
const MONTH_END = Date.UTC(2026, 11, 1);
const SEEDS = Number(process.env.SPENDBAR_BENCH_SEEDS ?? 20);

function hourlySpend(scenario: ScenarioName, seed: number): Map<number, number> {
  const org = new DemoOrganization({ seed, scenario, now: () => new Date(MONTH_END), origin: Date.UTC(2026, 9, 1) });
  const aggregator = new CostAggregator(buildCatalog(), (d) => d.slot, 'hour');
  for (let h = Date.UTC(2026, 9, 1); h < MONTH_END; h += HOUR_MS) {
    for (const r of org.anthropicHour(h)) aggregator.add(DemoOrganization.anthropicUsageRow(r, h));
    for (const r of org.openaiHour(h)) aggregator.add(DemoOrganization.openaiUsageRow(r, h));
  }
  const hourly = new Map<number, number>();
  for (const [slot, cost] of aggregator.groups()) hourly.set(Date.parse(`${slot}:00:00Z`), femtoToUsdNumber(cost.femto));
  return hourly;
}

interface DayStats {
  err: number[];
  naiveErr: number[];
  inRange: number;
  signed: number[];
  width: number[];
}

export function benchForecast(): { midMonth: Record<string, { mape: number; coverage: number; naiveMape: number }> } {
  const days = (MONTH_END - MONTH_START) / 86_400_000;
  const table = new Map<ScenarioName, DayStats[]>();
  for (const scenario of SCENARIOS) {
    const stats: DayStats[] = Array.from({ length: days }, () => ({ err: [], naiveErr: [], inRange: 0, signed: [], width: [] }));
    for (let seed = 1; seed <= SEEDS; seed++) {
      const hourly = hourlySpend(scenario, seed);
      let actual = 0;
      for (const [h, usd] of hourly) if (h >= MONTH_START && h < MONTH_END) actual += usd;
      for (let d = 0; d < days; d++) {
        const now = MONTH_START + d * 86_400_000 + 12 * HOUR_MS;
        const daily = new Map<string, number>();
        const past = new Map<number, number>();
        for (const [h, usd] of hourly) {
          if (h >= now) continue;
          const date = new Date(h).toISOString().slice(0, 10);
          daily.set(date, (daily.get(date) ?? 0) + usd);
          if (h < now - (now % 86_400_000)) past.set(h, usd);
        }
        const period = periodContaining(now, 'UTC', 1);
        const result = forecast({
          period,
          now,
          dailyUsd: daily,
          todayShareDone: shareOfDayBefore(past, now, 'UTC'),
          capUsd: null,
        });
        const naive = (result.spentUsd * days) / (d + 0.5);
        stats[d]!.err.push(Math.abs(result.projectedUsd - actual) / actual);
        stats[d]!.signed.push((result.projectedUsd - actual) / actual);
        stats[d]!.width.push((result.highUsd - result.lowUsd) / 2 / actual);
        stats[d]!.naiveErr.push(Math.abs(naive - actual) / actual);
        if (actual >= result.lowUsd && actual <= result.highUsd) stats[d]!.inRange++;
      }
    }
    table.set(scenario, stats);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`forecast backtest: ${SEEDS} seeds per scenario, projection at noon UTC of each day of November 2026`);
  console.log(`  ${'day'.padEnd(4)}${SCENARIOS.map((s) => `${s.padStart(14)} MAPE / in-range / naive`).join('')}`);
  for (let d = 0; d < days; d++) {
    if (![0, 1, 2, 4, 6, 9, 13, 14, 15, 19, 24, 28, 29].includes(d)) continue;
    const cells = SCENARIOS.map((s) => {
      const st = table.get(s)![d]!;
      return `${(mean(st.err) * 100).toFixed(1).padStart(14)}% / ${((st.inRange / SEEDS) * 100).toFixed(0).padStart(3)}% / ${(mean(st.naiveErr) * 100).toFixed(1).padStart(5)}%`;
    });
    console.log(`  ${String(d + 1).padEnd(4)}${cells.join('')}`);
  }
  const midMonth: Record<string, { mape: number; coverage: number; naiveMape: number }> = {};
  for (const s of SCENARIOS) {
    const st = table.get(s)![14]!;
    if (process.env.SPENDBAR_BENCH_DEBUG)
      console.log(s, 'bias', (mean(st.signed) * 100).toFixed(2), 'half-width', (mean(st.width) * 100).toFixed(2));
    midMonth[s] = { mape: mean(st.err), coverage: st.inRange / SEEDS, naiveMape: mean(st.naiveErr) };
  }
  console.log(
    `  mid-month (day 15) targets: error < 10 %, range holds actual ≥ 80 %: ${SCENARIOS.map((s) => `${s} ${(midMonth[s]!.mape * 100).toFixed(1)} % / ${(midMonth[s]!.coverage * 100).toFixed(0)} % (naive ${(midMonth[s]!.naiveMape * 100).toFixed(1)} %, ratio ${(midMonth[s]!.naiveMape / Math.max(midMonth[s]!.mape, 1e-9)).toFixed(1)}x better)`).join('; ')}`,
  );
  return { midMonth };
}
