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

/**
 * `spendbar price` for every model and tier added in the 2026-11 audit: 100,000 input and 10,000
 * output tokens unless the row says otherwise, on 2026-11-25, against OpenAI's published figures
 * (USD per million tokens, typed by hand; each row names the page the figures come from).
 */
const CALL = ['--input', '100000', '--output', '10000', '--at', '2026-11-25', '--json'];
const OPENAI_MODEL_PAGE = 'developers.openai.com/api/docs/models/';
const EXPECTED: Array<[string, string[], number, string, string, string]> = [
  // [model, extra flags, usd, tier, context band, page]
  ['gpt-4-0613', [], 30 * 0.1 + 60 * 0.01, 'standard', 'single', 'pricing page, Other models: $30 / $60'],
  ['gpt-4-32k', [], 60 * 0.1 + 120 * 0.01, 'standard', 'single', 'pricing page, Other models: $60 / $120'],
  ['gpt-4-turbo', [], 10 * 0.1 + 30 * 0.01, 'standard', 'single', 'pricing page, Other models: $10 / $30'],
  ['gpt-4-turbo', ['--batch'], 5 * 0.1 + 15 * 0.01, 'batch', 'single', 'pricing page, Batch: $5 / $15'],
  ['chatgpt-4o-latest', [], 5 * 0.1 + 15 * 0.01, 'standard', 'single', 'pricing page: $5 / $15'],
  ['o1-mini', [], 1.1 * 0.1 + 4.4 * 0.01, 'standard', 'single', 'pricing page: $1.10 / $4.40'],
  ['o3-deep-research', [], 10 * 0.1 + 40 * 0.01, 'standard', 'single', `${OPENAI_MODEL_PAGE}o3-deep-research: $10 / $40`],
  ['o4-mini-deep-research', [], 2 * 0.1 + 8 * 0.01, 'standard', 'single', `${OPENAI_MODEL_PAGE}o4-mini-deep-research: $2 / $8`],
  ['codex-mini-latest', [], 1.5 * 0.1 + 6 * 0.01, 'standard', 'single', `${OPENAI_MODEL_PAGE}codex-mini-latest: $1.50 / $6`],
  ['gpt-5.1-chat-latest', [], 1.25 * 0.1 + 10 * 0.01, 'standard', 'single', 'pricing page: $1.25 / $10'],
  ['gpt-5.1-codex-max', [], 1.25 * 0.1 + 10 * 0.01, 'standard', 'single', 'pricing page: $1.25 / $10'],
  [
    'gpt-5.1-codex-mini',
    ['--tier', 'priority'],
    0.45 * 0.1 + 3.6 * 0.01,
    'priority',
    'single',
    'pricing page, Priority: $0.45 / $3.60',
  ],
  ['gpt-5.2-chat-latest', [], 1.75 * 0.1 + 14 * 0.01, 'standard', 'single', 'pricing page: $1.75 / $14'],
  ['gpt-5.2-codex', ['--tier', 'fast'], 3.5 * 0.1 + 28 * 0.01, 'priority', 'single', 'pricing page, Priority: $3.50 / $28'],
  ['gpt-5.3-codex', [], 1.75 * 0.1 + 14 * 0.01, 'standard', 'single', 'pricing page: $1.75 / $14'],
  ['gpt-5.3-chat-latest', [], 1.75 * 0.1 + 14 * 0.01, 'standard', 'single', 'pricing page: $1.75 / $14'],
  ['gpt-5.4-pro', ['--tier', 'flex'], 15 * 0.1 + 90 * 0.01, 'flex', 'short', 'pricing page, Flex: $15 / $90'],
  ['gpt-5.5-pro', [], 30 * 0.1 + 180 * 0.01, 'standard', 'short', `${OPENAI_MODEL_PAGE}gpt-5.5-pro: $30 / $180`],
  [
    'gpt-5-codex',
    ['--tier', 'priority'],
    2.5 * 0.1 + 20 * 0.01,
    'priority',
    'single',
    'openai.com/api-priority-processing: $2.50 / $20',
  ],
  [
    'gpt-4o-2024-05-13',
    ['--fast'],
    8.75 * 0.1 + 26.25 * 0.01,
    'priority',
    'single',
    'openai.com/api-priority-processing: $8.75 / $26.25',
  ],
  ['gpt-5.1', ['--tier', 'flex'], 0.625 * 0.1 + 5 * 0.01, 'flex', 'single', 'pricing page, Flex: $0.625 / $5'],
  ['gpt-5.2', ['--tier', 'flex'], 0.875 * 0.1 + 7 * 0.01, 'flex', 'single', 'pricing page, Flex: $0.875 / $7'],
  [
    'gpt-5.5',
    ['--tier', 'priority'],
    12.5 * 0.1 + 75 * 0.01,
    'priority',
    'short',
    'openai.com/api-priority-processing: $12.50 / $75',
  ],
  ['gpt-5.6-sol', [], 4 * 0.1 + 20 * 0.01, 'standard', 'short', `${OPENAI_MODEL_PAGE}gpt-5.6-sol: promotional $4 / $20`],
  [
    'gpt-5.6-sol',
    ['--input', '300000'],
    8 * 0.3 + 30 * 0.01,
    'standard',
    'long',
    `${OPENAI_MODEL_PAGE}gpt-5.6-sol: >272K 2x input, 1.5x output`,
  ],
  ['gpt-5.6-terra', [], 2 * 0.1 + 12 * 0.01, 'standard', 'short', `${OPENAI_MODEL_PAGE}gpt-5.6-terra: $2 / $12 since 2026-07-30`],
  [
    'gpt-5.6-luna',
    [],
    0.2 * 0.1 + 1.2 * 0.01,
    'standard',
    'short',
    `${OPENAI_MODEL_PAGE}gpt-5.6-luna: $0.20 / $1.20 since 2026-07-30`,
  ],
  ['gpt-6-astra', [], 10 * 0.1 + 50 * 0.01, 'standard', 'short', `${OPENAI_MODEL_PAGE}gpt-6-astra: $10 / $50`],
  ['gpt-6-astra', ['--tier', 'flex'], 5 * 0.1 + 25 * 0.01, 'flex', 'short', `${OPENAI_MODEL_PAGE}gpt-6-astra: Flex 50 %`],
  [
    'gpt-6-astra',
    ['--tier', 'fast'],
    20 * 0.1 + 100 * 0.01,
    'priority',
    'short',
    `${OPENAI_MODEL_PAGE}gpt-6-astra: Fast mode 2x`,
  ],
  [
    'gpt-6-sol',
    ['--tier', 'priority'],
    4 * 0.1 + 20 * 0.01,
    'priority',
    'short',
    `${OPENAI_MODEL_PAGE}gpt-6-sol: $2 / $10, fast 2x`,
  ],
  [
    'gpt-6-luna',
    ['--tier', 'flex'],
    0.05 * 0.1 + 0.25 * 0.01,
    'flex',
    'short',
    `${OPENAI_MODEL_PAGE}gpt-6-luna: $0.10 / $0.50, Flex 50 %`,
  ],
  [
    'gpt-6.1-sol',
    ['--cache-read', '100000'],
    2 * 0.1 + 0.1 * 0.1 + 10 * 0.01,
    'standard',
    'short',
    `${OPENAI_MODEL_PAGE}gpt-6.1-sol: $2 / $0.10 / $10`,
  ],
  [
    'gpt-6.1-terra',
    ['--cache-write-12h', '100000'],
    1 * 0.1 + 2.5 * 0.1 + 5 * 0.01,
    'standard',
    'short',
    `${OPENAI_MODEL_PAGE}gpt-6.1-terra: 12-hour write $2.50`,
  ],
  [
    'gpt-6.1-terra',
    ['--cache-write-30m', '100000', '--tier', 'flex'],
    0.5 * 0.1 + 0.625 * 0.1 + 2.5 * 0.01,
    'flex',
    'short',
    `${OPENAI_MODEL_PAGE}gpt-6.1-terra: 30-minute write $1.25, Flex 50 %`,
  ],
  [
    'gpt-6.2-astra',
    ['--tier', 'priority'],
    16 * 0.1 + 80 * 0.01,
    'priority',
    'short',
    `${OPENAI_MODEL_PAGE}gpt-6.2-astra: $8 / $40, fast 2x`,
  ],
  [
    'gpt-6.2-sol',
    ['--cache-write-12h', '100000'],
    2 * 0.1 + 5 * 0.1 + 10 * 0.01,
    'standard',
    'short',
    `${OPENAI_MODEL_PAGE}gpt-6.2-sol: 12-hour write $5`,
  ],
];

describe('spendbar price for each model and tier added in the 2026-11 audit', () => {
  it.each(EXPECTED)('%s %j → $%f (%s, %s context; %s)', async (model, flags, expected, tier, band) => {
    const result = await runCliInProcess(['price', '--model', model, ...CALL, ...flags]);
    expect(result.stderr).toBe('');
    const doc = JSON.parse(result.stdout);
    expect(doc.usd).toBeCloseTo(expected, 10);
    expect(doc).toMatchObject({ tier, context: { band }, scope: 'one call' });
    expect(doc.priceVersion.source).toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('spendbar price says what it used and refuses what does not apply', () => {
  it('names the tier, context band and price version, and flags a promotion past its guaranteed day', async () => {
    const result = await runCliInProcess([
      'price',
      '--model',
      'gpt-5.6-sol',
      '--input',
      '300000',
      '--output',
      '0',
      '--tier',
      'flex',
      '--at',
      '2026-11-25',
    ]);
    expect(result.stdout).toContain('tier: flex; context: long (above 272,000 prompt tokens)');
    expect(result.stdout).toMatch(
      /price version: from 2026-08-21; source: https:\/\/developers\.openai\.com\/api\/docs\/models\/gpt-5\.6-sol/,
    );
    expect(result.stdout).toContain('note: promotional price, guaranteed only through 2026-11-21');
  });

  it('--context-window short prices a summed bucket at base rates; the help says the command prices one call', async () => {
    const bucket = await runCliInProcess([
      'price',
      '--model',
      'gpt-5.5',
      '--input',
      '500000',
      '--output',
      '0',
      '--context-window',
      'short',
      '--json',
    ]);
    expect(JSON.parse(bucket.stdout)).toMatchObject({ usd: 2.5, context: { band: 'short' } });
    expect((await runCliInProcess(['price', '--help'])).stdout).toMatch(/ONE call[\s\S]*--context-window short/);
  });

  it.each([
    [['--model', 'gpt-4o', '--tier', 'flex'], /gpt-4o has no flex price on .*Tiers it has: standard, batch, priority/],
    [['--model', 'claude-opus-4-5', '--tier', 'priority'], /claude-opus-4-5 has no priority price/],
    [['--model', 'gpt-5-nano', '--tier', 'fast'], /gpt-5-nano has no priority price/],
    [['--model', 'gpt-6-sol', '--cache-write-12h', '5'], /gpt-6-sol has no published 12-hour cache-write price/],
    [['--model', 'gpt-6.1-terra', '--cache-write-1h', '5'], /--cache-write-1h does not apply to gpt-6.1-terra/],
    [['--model', 'claude-opus-4-5', '--cache-write-30m', '5'], /--cache-write-30m does not apply to claude-opus-4-5/],
    [['--model', 'gpt-4o', '--context-window', 'long'], /gpt-4o has one price at every prompt size/],
    [['--model', 'gpt-4o', '--us-inference'], /--us-inference does not apply/],
    [['--model', 'claude-opus-4-7', '--fast'], /claude-opus-4-7 has no fast mode/],
    [['--model', 'gpt-5', '--batch', '--tier', 'flex'], /choose one tier: flex and batch/],
    [['--model', 'gpt-5', '--tier', 'turbo'], /--tier must be standard, batch, flex, priority or fast/],
  ])('rejects %j with a message that says why', async (args, message) => {
    const result = await runCliInProcess(['price', '--input', '1', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});
