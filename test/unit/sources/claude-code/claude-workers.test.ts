import { build } from 'esbuild';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../../../app/engine/cost-aggregator.ts';
import { longContextRule } from '../../../../app/engine/price.ts';
import { ClaudeCodeScanner } from '../../../../app/sources/claude-code/claude-scanner.ts';
import { ScanWorkerPool } from '../../../../app/sources/claude-code/scan-workers.ts';
import { SpendService } from '../../../../app/sources/spend-service.ts';
import { DEFAULT_SETTINGS } from '../../../../app/shared/settings-schema.ts';
import { assistantLine, tempDir, userLine, writeLines } from '../../../helpers/claude-logs.ts';

/** The worker bundled as the app ships it (out/main/scan-worker.cjs). */
async function bundledWorker(): Promise<string> {
  const outfile = join(tempDir('spendbar-worker-'), 'scan-worker.cjs');
  await build({
    entryPoints: ['app/sources/claude-code/scan-worker-entry.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

function tree(): string {
  const dir = tempDir();
  for (let f = 0; f < 12; f++) {
    const lines: string[] = [];
    for (let m = 0; m < 40; m++) {
      const id = `m${(f * 40 + m) % 300}`; // files share messages: the dedup must be global
      lines.push(
        userLine(),
        assistantLine({ id, req: `r-${id}`, output: 2 }),
        assistantLine({ id, req: `r-${id}`, input: 100 + m, output: 50 + f, sidechain: m % 9 === 0 }),
      );
    }
    lines.push('garbage with "usage" in it');
    writeLines(join(dir, `p${f % 3}/s${f}.jsonl`), lines);
  }
  return dir;
}

const catalog = buildCatalog();
const cost = (scanner: ClaudeCodeScanner) =>
  new CostAggregator(catalog).addAll(scanner.usageRows((m, d) => longContextRule(catalog, m, d))).total();

describe('cold scan on worker threads', () => {
  it('gives exactly the in-thread result, then refreshes in-thread after the workers are gone', async () => {
    const dir = tree();
    const inThread = new ClaudeCodeScanner([dir]);
    const inThreadReport = await inThread.refresh();
    const pool = new ScanWorkerPool({ script: await bundledWorker(), size: 2 });
    const parallel = new ClaudeCodeScanner([dir]);
    parallel.useParser(pool.parse);
    const report = await parallel.refresh();
    parallel.useParser(undefined);
    await pool.close();
    expect(parallel.requestCount).toBe(inThread.requestCount);
    expect(cost(parallel)).toBe(cost(inThread));
    expect(report.warnings.sort()).toEqual(inThreadReport.warnings.sort());

    appendFileSync(join(dir, 'p0/s0.jsonl'), `${assistantLine({ id: 'fresh', req: 'fresh', input: 7, output: 7 })}\n`);
    await parallel.refresh();
    await inThread.refresh();
    expect(parallel.requestCount).toBe(inThread.requestCount);
    expect(cost(parallel)).toBe(cost(inThread));
  });

  it('when workers cannot start, the app scans on its own thread instead', async () => {
    const home = tempDir('spendbar-home-');
    writeLines(join(home, '.claude/projects/p/s.jsonl'), [
      assistantLine({ id: 'a', req: 'a', model: 'claude-opus-4-5', input: 1_000_000, output: 0, ts: '2026-11-20T10:00:00Z' }),
    ]);
    const service = new SpendService({
      home,
      env: { HOME: home },
      now: () => Date.parse('2026-11-25T12:00:00Z'),
      keys: { get: async () => undefined },
      settings: () => DEFAULT_SETTINGS,
      claudeScanWorkers: { script: join(tempDir(), 'missing-worker.cjs') },
    });
    await service.refreshAllOnce();
    const { view } = await service.view();
    expect(view.sources.find((x) => x.id === 'claude-code')?.state).toBe('ok');
    expect(view.spentUsd).toBe(5);
  });

  it('a worker that cannot start fails the scan with its error, not a hang', async () => {
    const pool = new ScanWorkerPool({ script: join(tempDir(), 'missing-worker.cjs'), size: 1 });
    const scanner = new ClaudeCodeScanner([tree()]);
    scanner.useParser(pool.parse);
    await expect(scanner.refresh()).rejects.toThrow(/missing-worker|Cannot find module/);
    await pool.close();
  });
});
