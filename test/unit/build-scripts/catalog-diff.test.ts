/**
 * `npm run catalog:diff` on real-format excerpts of LiteLLM and models.dev (test/fixtures/catalog-diff):
 * it runs offline as a maintainer would, and finds the differences those excerpts really hold.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readModelsDev } from '../../../build-scripts/catalog-diff-read.ts';
import type { Finding } from '../../../build-scripts/catalog-diff-compare.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LITELLM = 'test/fixtures/catalog-diff/model_prices_and_context_window.json';
const MODELS_DEV = 'test/fixtures/catalog-diff/models.dev';

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'catalog:diff', '--', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr: stderr.replace(/^npm (warn|error) .*\n/gm, '') }));
  });
}

const runs = new Map<string, Promise<Finding[]>>();
/** One run per snapshot and day: each is a real `npm run` process, a few seconds on a busy machine. */
function findings(snapshot: string, day: string): Promise<Finding[]> {
  const key = `${snapshot}@${day}`;
  if (!runs.has(key))
    runs.set(
      key,
      run([snapshot, '--at', day, '--json']).then((result) => {
        expect(result.code).toBe(0);
        return (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
      }),
    );
  return runs.get(key)!;
}

const prices = (list: Finding[], model: string) =>
  list.filter((f) => f.kind === 'price' && f.model === model).map((f) => f.kind === 'price' && [f.what, f.ours, f.theirs]);

describe('catalog:diff against a LiteLLM price file', () => {
  it("finds LiteLLM's wrong 1-hour cache-write prices on Claude 3 Haiku and Opus", async () => {
    const list = await findings(LITELLM, '2026-11-30');
    expect(prices(list, 'claude-3-haiku')).toEqual([['1h cache write', 0.5, 6]]);
    expect(prices(list, 'claude-3-opus')).toEqual([['1h cache write', 30, 6]]);
  });

  it('a fast-mode rate is compared on the day asked: Opus 4.8 agrees until 2026-11-29, not once fast mode is gone', async () => {
    expect(prices(await findings(LITELLM, '2026-11-29'), 'claude-opus-4-8')).toEqual([]);
    expect(prices(await findings(LITELLM, '2026-11-30'), 'claude-opus-4-8')).toEqual([
      ['fast input', null, 10],
      ['fast output', null, 50],
    ]);
  });

  it('models on one side only, and nothing for agreeing models or other platforms (bedrock/…)', async () => {
    const list = await findings(LITELLM, '2026-11-30');
    expect(list).toContainEqual({ kind: 'missing-here', theirId: 'claude-2.1', provider: 'anthropic', input: 8, output: 24 });
    expect(list).toContainEqual({ kind: 'missing-there', model: 'claude-fable-5-2', provider: 'anthropic' });
    expect(list.some((f) => f.kind === 'missing-here' && f.theirId.includes('bedrock'))).toBe(false);
    for (const agreeing of ['claude-fable-5', 'claude-sonnet-4-5', 'gpt-4o']) expect(prices(list, agreeing)).toEqual([]);
  });

  it('prints a readable report by default', async () => {
    const result = await run([LITELLM, '--at', '2026-11-30']);
    expect(result.stdout).toContain(
      'price differs  claude-3-haiku (LiteLLM: claude-3-haiku-20240307)  1h cache write: ours $0.5/M, LiteLLM $6/M',
    );
    expect(result.stdout).toMatch(/^\d+ differences\. Check each against the vendor's pricing page/m);
  });
});

describe('catalog:diff against a models.dev checkout', () => {
  it('finds the Opus 4.6 and 4.7 fast-mode rates models.dev still lists after Anthropic removed them', async () => {
    const list = await findings(MODELS_DEV, '2026-11-30');
    expect(prices(list, 'claude-opus-4-6')).toEqual([
      ['fast input', null, 30],
      ['fast output', null, 150],
    ]);
    expect(prices(list, 'claude-opus-4-7')).toEqual([
      ['fast input', null, 30],
      ['fast output', null, 150],
    ]);
    // While fast mode existed on Opus 4.7 the two agree.
    expect(prices(await findings(MODELS_DEV, '2026-05-20'), 'claude-opus-4-7')).toEqual([]);
  });

  it('reads both file forms, skips long-context restatements, and says which files had no price', async () => {
    const result = await run([MODELS_DEV, '--at', '2026-11-30', '--json']);
    const doc = JSON.parse(result.stdout) as { findings: Finding[]; problems: string[] };
    for (const agreeing of ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-opus-5', 'claude-fable-5'])
      expect(prices(doc.findings, agreeing)).toEqual([]);
    expect(doc.findings).toContainEqual({
      kind: 'missing-here',
      theirId: 'claude-3-sonnet-20240229',
      provider: 'anthropic',
      input: 3,
      output: 15,
    });
    expect(doc.findings.some((f) => f.kind === 'missing-here' && f.theirId.includes('_prompt_greater_than_'))).toBe(false);
    expect(doc.problems).toEqual([expect.stringMatching(/^anthropic\/claude-haiku-5-5\.toml: no \[cost\]/)]);
  });

  it('reads [[cost.tiers]] as the long-context band and [experimental.modes.fast] as fast rates', () => {
    const snapshot = readModelsDev(`${ROOT}/${MODELS_DEV}`);
    expect(snapshot.prices.find((p) => p.id === 'gpt-5.4')).toMatchObject({
      input: 2.5,
      output: 15,
      longInput: 5,
      longOutput: 22.5,
    });
    expect(snapshot.prices.find((p) => p.id === 'claude-opus-5-5')).toMatchObject({
      fastInput: 8,
      fastOutput: 40,
      cacheRead: 0.2,
    });
  });
});

describe('catalog:diff usage errors', () => {
  it('a missing file or a bad day says what to do, exit code 2', async () => {
    const missing = await run(['/nonexistent/prices.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/prices.json does not exist: download');
    const badDay = await run([LITELLM, '--at', 'today']);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('--at must be a day such as 2026-11-30');
  });

  it('--export prints our catalog as the JSON the schema describes', async () => {
    const result = await run(['--export']);
    const doc = JSON.parse(result.stdout) as { $schema: string; models: Array<{ id: string }> };
    expect(doc.$schema).toBe('./catalog.schema.json');
    expect(doc.models.map((m) => m.id)).toContain('claude-fable-5-2');
  });
});
