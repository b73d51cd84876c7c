/**
 * `npm run catalog:diff -- <model_prices_and_context_window.json | models.dev checkout> [--at DAY] [--json]`
 * Offline: reads a downloaded LiteLLM price file or a models.dev checkout and lists where it
 * differs from our catalog on one day (default today, UTC). `--export` prints our catalog as JSON
 * (catalog.schema.json) instead. A maintainer's tool, so it lives in build-scripts/, not in the
 * shipped `spendbar` command. Findings are leads to check against the vendor's page, not truth.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportCatalog } from '../app/engine/catalog/catalog-export.ts';
import { buildCatalog, SHIPPED_MODELS } from '../app/engine/catalog/catalog.ts';
import { compareSnapshot, describeFinding } from './catalog-diff-compare.ts';
import { readLiteLlm, readModelsDev, type Snapshot } from './catalog-diff-read.ts';

const USAGE =
  'usage: npm run catalog:diff -- <model_prices_and_context_window.json | models.dev dir> [--at YYYY-MM-DD] [--json]\n' +
  '       npm run catalog:diff -- --export';

function fail(message: string): never {
  process.stderr.write(`catalog:diff: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readSnapshot(path: string): Snapshot {
  if (!existsSync(path))
    fail(`${path} does not exist: download LiteLLM's model_prices_and_context_window.json or clone models.dev first`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, 'providers'))) fail(`${path} has no providers/ folder: is it a models.dev checkout?`);
    return readModelsDev(path);
  }
  try {
    return readLiteLlm(readFileSync(path, 'utf8'), 'LiteLLM');
  } catch (error) {
    fail(`${path} is not LiteLLM's JSON price file (${(error as Error).message})`);
  }
}

const { values, positionals } = parseArgs({
  options: { at: { type: 'string' }, json: { type: 'boolean' }, export: { type: 'boolean' }, help: { type: 'boolean' } },
  allowPositionals: true,
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (values.export) {
  process.stdout.write(`${JSON.stringify(exportCatalog(SHIPPED_MODELS), null, 2)}\n`);
  process.exit(0);
}
if (positionals.length !== 1) fail('give exactly one snapshot: a LiteLLM JSON file or a models.dev directory');
const day = values.at ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) fail(`--at must be a day such as 2026-11-30 (got "${day}")`);

const snapshot = readSnapshot(positionals[0]!);
const findings = compareSnapshot(snapshot, buildCatalog(), day);
if (values.json) {
  process.stdout.write(`${JSON.stringify({ source: snapshot.name, day, findings, problems: snapshot.problems })}\n`);
} else {
  process.stdout.write(`Our catalog on ${day} against ${snapshot.name} (${snapshot.prices.length} priced models read)\n`);
  for (const f of findings) process.stdout.write(`  ${describeFinding(f, snapshot.name)}\n`);
  for (const p of snapshot.problems) process.stdout.write(`  unread: ${p}\n`);
  process.stdout.write(`${findings.length} differences. Check each against the vendor's pricing page before changing a price.\n`);
}
