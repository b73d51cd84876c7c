/**
 * Runs in a fresh process, so its peak memory is its own. Mode "scan": one cold scan (saving the
 * scan state when a state folder is given) and one incremental refresh. Mode "restart": a new app
 * run on the same tree and state folder, up to its first priced total.
 */
import { appendFileSync } from 'node:fs';
import { buildCatalog } from '../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../app/engine/cost-aggregator.ts';
import { femtoToDecimalString } from '../../app/engine/money.ts';
import { ClaudeCodeScanner } from '../../app/sources/claude-code/claude-scanner.ts';
import { ScanWorkerPool } from '../../app/sources/claude-code/scan-workers.ts';
import { longContextRule } from '../../app/engine/price.ts';

const [projects = '', appendTo = '', workerScript = '', stateDir = '', mode = 'scan'] = process.argv.slice(2);
const options = stateDir ? { stateDir } : {};

if (mode === 'restart') {
  // performance.now() counts from the start of this process: module loading is included.
  const started = performance.now();
  const scanner = new ClaudeCodeScanner([projects], options);
  const report = await scanner.refresh();
  const catalog = buildCatalog();
  const total = new CostAggregator(catalog).addAll(scanner.usageRows((m, d) => longContextRule(catalog, m, d))).total();
  const done = performance.now();
  process.stdout.write(
    JSON.stringify({
      firstViewMs: done - started,
      sinceProcessStartMs: done,
      bytesRead: report.bytesRead,
      totalUsd: femtoToDecimalString(total),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
}

const scanner = new ClaudeCodeScanner([projects], options);
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
const coldSave = scanner.lastSave;

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
    coldSave,
    incrementalMs,
    incrementalBytes: incremental.bytesRead,
    refreshedUsd: femtoToDecimalString(refreshed),
    entries,
    totalUsd: femtoToDecimalString(total),
    tokensByDayModel,
    byModelUsd: Object.fromEntries([...byModel].map(([m, g]) => [m, femtoToDecimalString(g.femto)])),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
