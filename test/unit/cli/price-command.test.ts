import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess, spawnCli } from '../../helpers/run-cli.ts';

const emptyHome = () => mkdtempSync(join(tmpdir(), 'spendbar-cli-'));

describe('spendbar price (as a user runs it)', () => {
  it('prints one JSON document with the contract fields and exits 0', async () => {
    const result = await spawnCli(
      ['price', '--model', 'claude-opus-4-5-20251101', '--input', '10000', '--output', '2000', '--cache-read', '50000', '--json'],
      { SPENDBAR_HOME: emptyHome() },
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({
      model: 'claude-opus-4-5',
      usd: 0.125,
      lines: [
        { kind: 'input', tokens: 10000, usd: 0.05 },
        { kind: 'output', tokens: 2000, usd: 0.05 },
        { kind: 'cache_read', tokens: 50000, usd: 0.025 },
      ],
      unpriced: [],
    });
  });

  it.each([
    [['--model', 'claude-opus-4-5', '--input', '-5'], /--input must be a whole number/],
    [['--model', 'claude-opus-4-5', '--input', '1.5'], /--input must be a whole number/],
    [['--model', 'claude-opus-4-5', '--colour'], /Unknown option '--colour'/],
    [['--model', 'claude-fable-9', '--input', '1'], /unknown model "claude-fable-9".*add a price/],
    [['--input', '1'], /--model is required/],
    [['--model', 'gpt-4o', '--at', '2026-02-30'], /--at must be a date/],
  ])('rejects %j with one line on stderr and exit code 2', async (args, message) => {
    const result = await spawnCli(['price', ...args], { SPENDBAR_HOME: emptyHome() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('spendbar price (in-process)', () => {
  it('prices batch and long-context examples', async () => {
    const batch = await runCliInProcess([
      'price',
      '--model',
      'claude-sonnet-4-5',
      '--batch',
      '--input',
      '1000000',
      '--output',
      '100000',
      '--json',
    ]);
    expect(JSON.parse(batch.stdout).usd).toBe(2.25);
    const long = await runCliInProcess([
      'price',
      '--model',
      'claude-sonnet-4-5',
      '--input',
      '300000',
      '--output',
      '1000',
      '--json',
    ]);
    expect(JSON.parse(long.stdout)).toMatchObject({ usd: 1.8225, modifiers: ['long context'] });
  });

  it('prices at the rate in force on --at', async () => {
    const args = ['price', '--model', 'claude-sonnet-5-5', '--input', '0', '--output', '0', '--cache-read', '1000000', '--json'];
    expect(JSON.parse((await runCliInProcess([...args, '--at', '2026-10-01'])).stdout).usd).toBe(0.2);
    expect(JSON.parse((await runCliInProcess([...args, '--at', '2026-10-20'])).stdout).usd).toBe(0.1);
  });

  it('lists web searches and 1-hour writes as their own lines', async () => {
    const result = await runCliInProcess([
      'price',
      '--model',
      'claude-haiku-4-5',
      '--input',
      '0',
      '--output',
      '0',
      '--cache-write-1h',
      '1000',
      '--web-search',
      '3',
      '--json',
    ]);
    expect(JSON.parse(result.stdout).lines).toEqual([
      { kind: 'cache_write_1h', tokens: 1000, usd: 0.002 },
      { kind: 'web_search', requests: 3, usd: 0.03 },
    ]);
  });

  it("uses the user's price overrides from the settings file, marked as such", async () => {
    const home = emptyHome();
    writeFileSync(
      join(home, 'config.json'),
      JSON.stringify({ schemaVersion: 1, priceOverrides: [{ model: 'claude-fable-5-3', rates: { input: '12', output: '60' } }] }),
    );
    const result = await runCliInProcess(
      ['price', '--model', 'claude-fable-5-3', '--input', '1000000', '--output', '0', '--json'],
      { SPENDBAR_HOME: home },
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ model: 'claude-fable-5-3', usd: 12, modifiers: ['user price'] });
  });

  it('prints a readable table without --json', async () => {
    const result = await runCliInProcess([
      'price',
      '--model',
      'claude-opus-4-5',
      '--input',
      '10000',
      '--output',
      '2000',
      '--cache-read',
      '50000',
    ]);
    expect(result.stdout).toContain('Claude Opus 4.5');
    expect(result.stdout).toMatch(/total\s+\$0\.125000/);
  });
});
