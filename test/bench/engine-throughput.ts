/** Engine throughput: priced usage rows per second over a year of hourly buckets for 20 models. */
import { buildCatalog } from '../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../app/engine/cost-aggregator.ts';
import { femtoToDecimalString } from '../../app/engine/money.ts';
import type { UsageRow } from '../../app/engine/usage-row.ts';
import { pick, seededRandom } from '../helpers/random.ts';

const TARGET_ROWS_PER_SECOND = 2_000_000;

function yearOfHourlyBuckets(models: readonly string[]): UsageRow[] {
  const random = seededRandom(42);
  const rows: UsageRow[] = [];
  const start = Date.UTC(2025, 11, 1);
  for (let hour = 0; hour < 365 * 24; hour++) {
    const iso = new Date(start + hour * 3_600_000).toISOString();
    for (const model of models) {
      const t = () => Math.floor(random() * 50_000);
      rows.push({
        start: iso,
        source: 'anthropic',
        model,
        serviceTier: random() < 0.1 ? 'batch' : 'standard',
        contextWindow: '0-200k',
        inferenceGeo: pick(random, ['global', 'not_available', 'us']),
        inputTokens: t(),
        outputTokens: t(),
        cacheWrite5mTokens: t(),
        cacheWrite1hTokens: t(),
        cacheReadTokens: t() * 10,
        webSearchRequests: random() < 0.05 ? 1 : 0,
      });
    }
  }
  return rows;
}

export function benchEngine(): { rowsPerSecond: number; ratio: number } {
  const catalog = buildCatalog();
  const models = catalog.entries
    .filter((e) => e.provider === 'anthropic')
    .slice(0, 15)
    .map((e) => e.id);
  models.push(
    ...catalog.entries
      .filter((e) => e.provider === 'openai')
      .slice(0, 5)
      .map((e) => e.aliases[0] ?? e.id),
  );
  const rows = yearOfHourlyBuckets(models);
  // Warm up once, then time several full passes and keep the best (least disturbed) one.
  new CostAggregator(catalog, (dims) => `${dims.slot}|${dims.modelId}`).addAll(rows).groups();
  let best = Infinity;
  let total = 0n;
  for (let pass = 0; pass < 5; pass++) {
    const t0 = performance.now();
    const aggregator = new CostAggregator(catalog, (dims) => `${dims.slot}|${dims.modelId}`).addAll(rows);
    const groups = aggregator.groups();
    best = Math.min(best, performance.now() - t0);
    total = [...groups.values()].reduce((s, g) => s + g.femto, 0n);
  }
  const rowsPerSecond = rows.length / (best / 1000);
  console.log(
    `engine: ${rows.length.toLocaleString('en-US')} rows (365 days × 24 h × ${models.length} models), grouped by day and model`,
  );
  console.log(`  best of 5 passes: ${best.toFixed(1)} ms → ${Math.round(rowsPerSecond).toLocaleString('en-US')} priced rows/s`);
  console.log(
    `  target ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')} rows/s → ratio ${(rowsPerSecond / TARGET_ROWS_PER_SECOND).toFixed(2)}x; total $${femtoToDecimalString(total)}`,
  );
  return { rowsPerSecond, ratio: rowsPerSecond / TARGET_ROWS_PER_SECOND };
}
