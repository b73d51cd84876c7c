import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAiCostLines } from '../../../app/sources/demo/demo-openai-routes.ts';
import { HOUR_MS, UNLISTED_OPENAI_MODEL } from '../../../app/sources/demo/demo-organization.ts';
import { buildCatalog } from '../../../app/engine/catalog/catalog.ts';
import { OTHER_CHARGES, spendSeries } from '../../../app/engine/spend-series.ts';
import { lineItemModel } from '../../../app/sources/openai/openai-parse.ts';
import { DEMO_OPENAI_KEY, startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { Ledger } from '../../../app/sources/ledger/ledger.ts';
import { OpenAiClient } from '../../../app/sources/openai/openai-client.ts';
import { syncProvider } from '../../../app/sources/provider-sync.ts';
import { SourceError } from '../../../app/sources/source-status.ts';

const HISTORY_START = Date.UTC(2026, 9, 1);
let now: number;
let server: DemoServer;
let home: string;
const client = (timeoutMs = 5_000) =>
  new OpenAiClient({ baseUrl: new URL(server.url), key: DEMO_OPENAI_KEY, now: () => now, timeoutMs });

beforeEach(async () => {
  now = Date.parse('2026-11-25T12:30:00Z');
  server = await startDemoServer({ seed: 11, now: () => new Date(now) });
  home = mkdtempSync(join(tmpdir(), 'spendbar-openai-'));
});
afterEach(() => server.close());

function expectMatchesGenerator(ledger: Ledger): void {
  const tokens = new Map<string, number>();
  for (let h = HISTORY_START; h < now; h += HOUR_MS) {
    for (const r of server.org.openaiHour(h)) {
      const key = `${new Date(h).toISOString().slice(0, 10)}|${r.model}`;
      tokens.set(key, (tokens.get(key) ?? 0) + r.inputTokens + r.outputTokens);
    }
  }
  const stored = new Map<string, number>();
  for (const r of ledger.usage('openai')) {
    const key = `${r.start.slice(0, 10)}|${r.model}`;
    stored.set(key, (stored.get(key) ?? 0) + r.inputTokens + r.cacheReadTokens + r.cacheWrite5mTokens + r.outputTokens);
  }
  expect(stored).toEqual(tokens);
  const billedByDay = new Map<string, bigint>();
  for (const c of ledger.costs('openai')) billedByDay.set(c.day, (billedByDay.get(c.day) ?? 0n) + BigInt(c.femto));
  for (let day = HISTORY_START; day < now; day += 24 * HOUR_MS) {
    const nano = [...openAiCostLines(server.org, day).values()].reduce((a, b) => a + b.nano, 0n);
    expect(billedByDay.get(new Date(day).toISOString().slice(0, 10)) ?? 0n, new Date(day).toISOString()).toBe(nano * 1_000_000n);
  }
}

describe('OpenAI admin API against the demo organization', () => {
  it('usage by day and model and costs by day equal the generator exactly, amounts as numbers or strings', async () => {
    const ledger = Ledger.open(home);
    await syncProvider('openai', client(), ledger, now);
    expectMatchesGenerator(ledger);
    expect(ledger.usage('openai').every((r) => r.cacheReadTokens >= 0 && r.inputTokens >= 0)).toBe(true);
    expect(ledger.usage('openai').some((r) => r.serviceTier === 'batch')).toBe(true);
  });

  it('by model: every model keeps the dollars its bill lines name, to the cent, the unlisted one too; storage stays "other charges"', async () => {
    const ledger = Ledger.open(home);
    await syncProvider('openai', client(), ledger, now);
    const catalog = buildCatalog();
    const billed = ledger
      .costs('openai')
      .map((c) => ({ source: c.source, day: c.day, femto: BigInt(c.femto), model: c.model, workspace: c.workspace }));
    const today = new Date(now).toISOString().slice(0, 10);
    const byModel = new Map<string, bigint>();
    for (const c of spendSeries(ledger.usage('openai'), billed, catalog, now).cells)
      if (new Date(c.hour).toISOString().slice(0, 10) < today) byModel.set(c.modelId, (byModel.get(c.modelId) ?? 0n) + c.femto);
    const lines = new Map<string, bigint>();
    for (let day = HISTORY_START; day < Date.parse(`${today}T00:00:00Z`); day += 24 * HOUR_MS)
      for (const [label, line] of openAiCostLines(server.org, day)) {
        const named = label.includes(',') ? label.split(',')[0]! : OTHER_CHARGES;
        const model = catalog.resolve(named)?.id ?? named;
        lines.set(model, (lines.get(model) ?? 0n) + line.nano * 1_000_000n);
      }
    expect(byModel).toEqual(lines);
    expect(byModel.get(UNLISTED_OPENAI_MODEL)).toBeGreaterThan(0n);
    // Its usage is still listed as unpriced (tokens, never $0); its billed dollars are its own.
    expect(ledger.usage('openai').some((r) => r.model === UNLISTED_OPENAI_MODEL)).toBe(true);
    // quantity and its unit are kept for the billed rate (dollars ÷ tokens).
    const input = ledger.costs('openai').find((c) => c.description === 'gpt-5-2025-08-07, input');
    expect(input).toMatchObject({ model: 'gpt-5-2025-08-07', quantityUnit: 'tokens' });
    expect(input!.quantity).toBeGreaterThan(0);
  });

  it('line items name a model only as "<model>, <kind>"', () => {
    expect(lineItemModel('gpt-4o-2024-08-06, input')).toBe('gpt-4o-2024-08-06');
    expect(lineItemModel('o3-2025-04-16, cached input')).toBe('o3-2025-04-16');
    expect(lineItemModel('Text tokens')).toBeNull();
    expect(lineItemModel('input_tokens')).toBeNull();
    expect(lineItemModel('File search storage')).toBeNull();
    expect(lineItemModel(null)).toBeNull();
  });

  it.each(['rate-limit', 'unauthorized', 'truncated', 'endless-pagination'] as const)(
    '%s keeps what is stored; the next poll completes it',
    async (kind) => {
      const ledger = Ledger.open(home);
      await syncProvider('openai', client(), ledger, now);
      const before = readFileSync(ledger.path, 'utf8');
      now += 3 * HOUR_MS;
      server.injectFault({
        kind,
        provider: 'openai',
        retryAfterSeconds: 30,
        times: kind === 'endless-pagination' ? Infinity : 1,
      });
      const usageBefore = JSON.stringify(ledger.usage());
      await expect(syncProvider('openai', client(), ledger, now)).rejects.toBeInstanceOf(SourceError);
      // The usage report failed and kept its rows; only a fault of that report alone lets the bill through.
      expect(JSON.stringify(ledger.usage())).toBe(usageBefore);
      if (kind !== 'truncated') expect(readFileSync(ledger.path, 'utf8')).toBe(before);
      server.clearFaults();
      await syncProvider('openai', client(), ledger, now);
      expectMatchesGenerator(ledger);
    },
  );
});
