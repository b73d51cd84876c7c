/**
 * Quitting must not wait for a cold scan: an aborted refresh stops between files and between
 * chunks (worker threads are ended), returns promptly, and changes nothing — a later refresh
 * completes and counts everything.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaudeCodeScanner } from '../../../../app/sources/claude-code/claude-scanner.ts';
import { STATE_FILE } from '../../../../app/sources/claude-code/scan-state.ts';
import { SpendService } from '../../../../app/sources/spend-service.ts';
import { DEFAULT_SETTINGS } from '../../../../app/shared/settings-schema.ts';
import { tempDir } from '../../../helpers/claude-logs.ts';
import { largeTree } from '../../../helpers/claude-tree.ts';

/** Starts a refresh, aborts it after `afterMs`, and says how long the abort took to come back. */
async function abortAfter(run: (signal: AbortSignal) => Promise<unknown>, afterMs: number) {
  const controller = new AbortController();
  const refresh = run(controller.signal);
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  const t0 = performance.now();
  controller.abort();
  const error = await refresh.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, latencyMs: performance.now() - t0 };
}

describe('aborting a Claude Code scan', () => {
  it('on this thread: returns long before the scan would have ended, and a later refresh counts everything', async () => {
    const tree = largeTree(24, 2 << 20);
    const home = tempDir('spendbar-home-');
    const scanner = new ClaudeCodeScanner([tree.dir], { stateDir: home, minSaveIntervalMs: 0 });
    const { error, latencyMs } = await abortAfter((signal) => scanner.refresh(signal), 100);
    expect((error as Error).name).toBe('AbortError');
    // Nothing of the aborted scan is kept, in memory or on disk.
    expect(scanner.cold).toBe(true);
    expect(scanner.requestCount).toBe(0);
    expect(existsSync(join(home, STATE_FILE))).toBe(false);
    const t0 = performance.now();
    const report = await scanner.refresh();
    const fullMs = performance.now() - t0;
    expect(report.bytesRead).toBe(tree.bytes);
    expect(scanner.requestCount).toBe(tree.requests);
    // A ratio, not a time: the abort came back within a small part of what the whole scan took.
    expect(latencyMs).toBeLessThan(fullMs / 4);
  });

  it('through SpendService with worker threads: the workers are ended and the next refresh completes', async () => {
    const home = tempDir('spendbar-home-');
    const tree = largeTree(16, 2 << 20);
    const script = join(tempDir('spendbar-worker-'), 'scan-worker.cjs');
    await build({
      entryPoints: ['app/sources/claude-code/scan-worker-entry.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'error',
    });
    const service = new SpendService({
      home,
      env: { HOME: home, CLAUDE_CONFIG_DIR: tree.dir },
      now: () => Date.parse('2026-11-29T12:00:00Z'),
      keys: { get: async () => undefined },
      settings: () => DEFAULT_SETTINGS,
      claudeScanWorkers: { script, size: 2 },
    });
    const { error, latencyMs } = await abortAfter((signal) => service.refresh('claude-code', signal), 150);
    expect((error as Error).name).toBe('AbortError');
    expect(existsSync(join(home, STATE_FILE))).toBe(false);
    const t0 = performance.now();
    await service.refresh('claude-code');
    const fullMs = performance.now() - t0;
    expect(latencyMs).toBeLessThan(fullMs / 4);
    const restarted = new ClaudeCodeScanner([tree.dir], { stateDir: home });
    expect(restarted.requestCount).toBe(tree.requests);
  });
});
