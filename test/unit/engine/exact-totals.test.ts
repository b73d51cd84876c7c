/**
 * A total over 1,000,000 rows equals a decimal reference computed here independently (per row,
 * from the reference tables, with string-decimal arithmetic), to the micro-dollar, in any order.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../../app/engine/cost-aggregator.ts';
import { roundToMicro } from '../../../app/engine/money.ts';
import type { UsageRow } from '../../../app/engine/usage-row.ts';
import { REFERENCE_ROWS } from '../../fixtures/reference-prices.ts';
import { pick, seededRandom } from '../../helpers/random.ts';

const ROWS = 1_000_000;

/** "3.75" → 375000000n: USD per million tokens scaled by 1e8 (enough digits for every table price). */
function scaled(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole + fraction.padEnd(8, '0'));
}

function generate(): { rows: UsageRow[]; referenceMicro: bigint } {
  const random = seededRandom(20261125);
  // Models priced the same on every day of 2026-11; prompts stay under 100k, below every long-context tier.
  const refs = REFERENCE_ROWS.filter((r) => !r.model.startsWith('claude-3') && !r.model.startsWith('o3-2025'));
  const rows: UsageRow[] = [];
  // Sum of tokens × (USD/MTok × 1e8) is in units of 1e-14 USD; compare at micro-dollars.
  let reference = 0n;
  for (let i = 0; i < ROWS; i++) {
    const ref = pick(random, refs);
    const batch = random() < 0.2;
    const t = () => Math.floor(random() * random() * 25_000);
    const row: UsageRow = {
      start: `2026-11-${String(1 + Math.floor(random() * 24)).padStart(2, '0')}T${String(Math.floor(random() * 24)).padStart(2, '0')}:00:00Z`,
      source: 'anthropic',
      model: ref.model,
      serviceTier: batch ? 'batch' : 'standard',
      inputTokens: t(),
      outputTokens: t(),
      cacheWrite5mTokens: t(),
      cacheWrite1hTokens: t(),
      cacheReadTokens: t(),
      webSearchRequests: 0,
    };
    rows.push(row);
    const half = (v: bigint) => (batch ? v / 2n : v);
    reference +=
      BigInt(row.inputTokens) * (batch ? scaled(ref.batchIn) : scaled(ref.input)) +
      BigInt(row.outputTokens) * (batch ? scaled(ref.batchOut) : scaled(ref.output)) +
      BigInt(row.cacheWrite5mTokens) * half(scaled(ref.write5m)) +
      BigInt(row.cacheWrite1hTokens) * half(scaled(ref.write1h)) +
      BigInt(row.cacheReadTokens) * half(scaled(ref.read));
  }
  // 1e-14 USD → micro-dollars, half-even.
  const q = reference / 100_000_000n;
  const r = reference % 100_000_000n;
  const micro = r * 2n > 100_000_000n || (r * 2n === 100_000_000n && q % 2n === 1n) ? q + 1n : q;
  return { rows, referenceMicro: micro };
}

describe('exact totals', () => {
  const { rows, referenceMicro } = generate();
  const catalog = buildCatalog();

  it(`a total over ${ROWS.toLocaleString('en-US')} rows matches the decimal reference to the micro-dollar`, () => {
    const total = new CostAggregator(catalog).addAll(rows).total();
    expect(roundToMicro(total)).toBe(referenceMicro);
  });

  it('the total does not depend on the order of the rows', () => {
    const forward = new CostAggregator(catalog).addAll(rows).total();
    const reversed = new CostAggregator(catalog).addAll([...rows].reverse()).total();
    const shuffled = [...rows];
    const random = seededRandom(7);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(reversed).toBe(forward);
    expect(new CostAggregator(catalog).addAll(shuffled).total()).toBe(forward);
  });

  it('per-group totals add up to the grand total exactly', () => {
    const byDay = new CostAggregator(catalog, (dims) => dims.slot).addAll(rows).groups();
    let sum = 0n;
    for (const cost of byDay.values()) sum += cost.femto;
    expect(sum).toBe(new CostAggregator(catalog).addAll(rows).total());
    expect(byDay.size).toBe(24);
  });
});
