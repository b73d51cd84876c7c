/**
 * A key never appears in the ledger, the settings, the alert state, logs or any error text: a full
 * run (sync, every fault, a rejected key, the CLI) is searched for a sentinel key afterwards.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnthropicClient } from '../../../app/sources/anthropic/anthropic-client.ts';
import { OpenAiClient } from '../../../app/sources/openai/openai-client.ts';
import { FAULT_KINDS } from '../../../app/sources/demo/demo-faults.ts';
import { startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { Ledger } from '../../../app/sources/ledger/ledger.ts';
import { syncProvider } from '../../../app/sources/provider-sync.ts';
import { tempDir } from '../../helpers/claude-logs.ts';
import { runCliInProcess } from '../../helpers/run-cli.ts';

const SENTINEL = 'sk-ant-admin01-SENTINEL-7f3a9c1e5b2d8046-do-not-leak';
const WRONG = 'sk-ant-admin01-SENTINEL-wrong-key-also-secret';
const OPENAI_SENTINEL = 'sk-admin-SENTINEL-openai-5e1f0a9d3c7b';
/** Not shaped like any key: only redaction of the key itself can catch it when a server echoes it. */
const SHAPELESS = 'SENTINELshapeless9d8c7b6a5f4e3d2c';
/** A pasted key with a zero-width space: it must be refused by name, never printed. */
const HOSTILE: readonly string[] = ['echo-key', 'redirect', 'unauthorized', 'server-error', 'malformed'];
const INVISIBLE = 'sk-ant-admin01-SENTINEL\u200b-pasted';
const NOW = '2026-11-25T12:30:00Z';
let server: DemoServer;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  server = await startDemoServer({
    seed: 9,
    now: () => new Date(NOW),
    anthropicKeys: [SENTINEL, SHAPELESS],
    openaiKeys: [OPENAI_SENTINEL],
  });
});
afterAll(() => server.close());

describe('the admin key never leaks', () => {
  it('is in no file written, no message and no output of a full run', async () => {
    const home = tempDir('spendbar-sentinel-');
    const texts: string[] = [];
    const ledger = Ledger.open(home);
    // The 'timeout' and 'slow' faults wait for this; a clean sync on a busy machine needs more.
    let timeoutMs = 20_000;
    const client = (key: string) =>
      new AnthropicClient({ baseUrl: new URL(server.url), key, now: () => Date.parse(NOW), timeoutMs });
    const openai = (key: string) =>
      new OpenAiClient({ baseUrl: new URL(server.url), key, now: () => Date.parse(NOW), timeoutMs });
    await syncProvider('anthropic', client(SENTINEL), ledger, Date.parse(NOW));
    await syncProvider('openai', openai(OPENAI_SENTINEL), ledger, Date.parse(NOW));
    timeoutMs = 1_500;
    // Every fault, the hostile ones included (a redirect, a server that echoes the key, a 1 GB body,
    // buckets out of range), for both providers and for a key of no known shape.
    for (const kind of FAULT_KINDS) {
      const clients = [
        ['anthropic', () => client(SENTINEL)],
        ['openai', () => openai(OPENAI_SENTINEL)],
        ...(HOSTILE.includes(kind) ? [['anthropic', () => client(SHAPELESS)] as const] : []),
      ] as const;
      for (const [source, make] of clients) {
        server.injectFault({ kind, times: kind === 'endless-pagination' ? Infinity : 1, retryAfterSeconds: 5 });
        const error = await syncProvider(source, make(), ledger, Date.parse(NOW)).catch((e: unknown) => e);
        texts.push(String(error), String(JSON.stringify(error)), (error as Error | undefined)?.stack ?? '');
        server.clearFaults();
      }
    }
    const rejected = await syncProvider('anthropic', client(WRONG), ledger, Date.parse(NOW)).catch((e: unknown) => e);
    texts.push(String(rejected), JSON.stringify(rejected), (rejected as Error).stack ?? '');

    const env = { HOME: home, SPENDBAR_HOME: home, SPENDBAR_ANTHROPIC_BASE_URL: server.url };
    for (const key of [SENTINEL, WRONG, INVISIBLE]) {
      for (const args of [
        ['status', '--now', NOW, '--cap', '100', '--json'],
        ['status', '--now', NOW],
        ['daily', '--json'],
      ]) {
        const result = await runCliInProcess(
          args,
          {
            ...env,
            SPENDBAR_OPENAI_BASE_URL: server.url,
            SPENDBAR_ANTHROPIC_ADMIN_KEY: key,
            SPENDBAR_OPENAI_ADMIN_KEY: OPENAI_SENTINEL,
          },
          new Date(NOW),
        );
        texts.push(result.stdout, result.stderr);
      }
    }

    const files = filesUnder(home);
    expect(files.some((f) => f.endsWith('ledger.db'))).toBe(true); // and its -wal: every byte SQLite wrote is searched
    for (const file of files) {
      if (statSync(file).size > 0) texts.push(readFileSync(file, 'utf8'));
    }
    const leaks = texts.filter((t) => t.includes('SENTINEL'));
    expect(leaks).toEqual([]);
  }, 240_000);
});
