/** Runs one cold scan and one incremental refresh in a fresh process, so its peak memory is its own. */
import { appendFileSync } from 'node:fs';
import { buildCatalog } from '../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../app/engine/cost-aggregator.ts';
import { femtoToDecimalString } from '../../app/engine/money.ts';
import { ClaudeCodeScanner } from '../../app/sources/claude-code/claude-scanner.ts';
import { ScanWorkerPool } from '../../app/sources/claude-code/scan-workers.ts';
import { longContextRule } from '../../app/engine/price.ts';

const [projects = '', appendTo = '', workerScript = ''] = process.argv.slice(2);
const scanner = new ClaudeCodeScanner([projects]);
// As the app does: the cold scan on worker threads when a bundled worker is given, then this thread.
const pool = workerScript ? new ScanWorkerPool({ script: workerScript }) : undefined;
scanner.useParser(pool?.parse);
const t0 = performance.now();
const cold = await scanner.refresh();
scanner.useParser(undefined);
await pool?.close();
const catalog = buildCatalog();
const rows = scanner.usageRows((m, d) => longContextRule(catalog, m, d));
const byModel = new CostAggregator(catalog, (dims) => dims.modelId).addAll(rows).groups();
const total = [...byModel.values()].reduce((s, g) => s + g.femto, 0n);
const coldMs = performance.now() - t0;

// Tokens per UTC day and model as written in the logs, to hold against ccusage's daily report.
const tokensByDayModel: Record<string, [number, number, number, number]> = {};
for (const row of rows) {
  const sums = (tokensByDayModel[`${row.start.slice(0, 10)} ${row.model}`] ??= [0, 0, 0, 0]);
  sums[0] += row.inputTokens;
  sums[1] += row.outputTokens;
  sums[2] += row.cacheWrite5mTokens + row.cacheWrite1hTokens;
  sums[3] += row.cacheReadTokens;
}

// Append 1 MB of new usage and refresh.
const line = (i: number) =>
  JSON.stringify({
    type: 'assistant',
    sessionId: 'live',
    version: '2.1.3',
    requestId: `req_live_${i}`,
    timestamp: new Date(Date.UTC(2026, 10, 25, 12) + i).toISOString(),
    message: {
      id: `msg_live_${i}`,
      model: 'claude-sonnet-4-5-20250929',
      content: [{ type: 'text', text: 'z'.repeat(700) }],
      usage: { input_tokens: 10, output_tokens: 20, cache_read_input_tokens: 1000, cache_creation_input_tokens: 0 },
    },
  });
let chunk = '';
for (let i = 0; chunk.length < 1 << 20; i++) chunk += `${line(i)}\n`;
appendFileSync(appendTo, chunk);
// What the app does on a refresh: read what was appended, sum the requests per hour, price them.
const t1 = performance.now();
const incremental = await scanner.refresh();
const refreshed = new CostAggregator(catalog).addAll(scanner.usageRows((m, d) => longContextRule(catalog, m, d))).total();
const entries = scanner.requestCount;
const incrementalMs = performance.now() - t1;
if (refreshed <= total) throw new Error('the appended usage was not counted');
process.stdout.write(
  JSON.stringify({
    coldMs,
    coldBytes: cold.bytesRead,
    incrementalMs,
    incrementalBytes: incremental.bytesRead,
    entries,
    totalUsd: femtoToDecimalString(total),
    tokensByDayModel,
    byModelUsd: Object.fromEntries([...byModel].map(([m, g]) => [m, femtoToDecimalString(g.femto)])),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
