/** Runs one cold scan and one incremental refresh in a fresh process, so its peak memory is its own. */
import { appendFileSync } from 'node:fs';
import { buildCatalog } from '../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../app/engine/cost-aggregator.ts';
import { femtoToDecimalString } from '../../app/engine/money.ts';
import { ClaudeCodeScanner } from '../../app/sources/claude-code/claude-scanner.ts';
import { claudeUsageRow } from '../../app/sources/claude-code/claude-usage-rows.ts';

const [projects = '', appendTo = ''] = process.argv.slice(2);
const scanner = new ClaudeCodeScanner([projects]);
const t0 = performance.now();
const cold = await scanner.refresh();
const total = new CostAggregator(buildCatalog()).addAll(scanner.entries().map(claudeUsageRow)).total();
const coldMs = performance.now() - t0;

// Append 1 MB of new usage and refresh.
const line = (i: number) =>
  JSON.stringify({ type: 'assistant', sessionId: 'live', version: '2.1.3', requestId: `req_live_${i}`, timestamp: new Date(Date.UTC(2026, 10, 25, 12) + i).toISOString(), message: { id: `msg_live_${i}`, model: 'claude-sonnet-4-5-20250929', content: [{ type: 'text', text: 'z'.repeat(700) }], usage: { input_tokens: 10, output_tokens: 20, cache_read_input_tokens: 1000, cache_creation_input_tokens: 0 } } });
let chunk = '';
for (let i = 0; chunk.length < 1 << 20; i++) chunk += `${line(i)}\n`;
appendFileSync(appendTo, chunk);
const t1 = performance.now();
const incremental = await scanner.refresh();
const entries = scanner.entries().length;
const incrementalMs = performance.now() - t1;
process.stdout.write(JSON.stringify({ coldMs, coldBytes: cold.bytesRead, incrementalMs, incrementalBytes: incremental.bytesRead, entries, totalUsd: femtoToDecimalString(total), maxRssMb: process.resourceUsage().maxRSS / 1024 }));
