/**
 * The bill's own rates: per admin source, UTC day, model and token kind, billed dollars beside the
 * tokens they pay for and beside what our catalog charges for the same tokens.
 * - OpenAI: a cost line naming a model and a kind ("gpt-4o-2024-08-06, cached input") carries
 *   `quantity` in tokens or 1000_tokens (sources-2026-11.md; openai-openapi CostsResult).
 * - Anthropic: a cost report row grouped by description names model, token_type, service_tier,
 *   context_window and inference_geo but no token count (anthropic-admin-api.md §2.2), so its tokens
 *   come from the usage report's rows of the same day and dimensions.
 */
import type { Catalog } from './catalog/catalog.ts';
import { versionSpanOn } from './catalog/catalog.ts';
import type { Femto } from './money.ts';
import { resolveRates } from './price.ts';
import { effectiveRates, type RateModifiers } from './price-rates.ts';
import { tokensOfKind, type SourceId, type TokenKind, type UsageRow } from './usage-row.ts';

/** One line of a provider's bill, as the engine needs it (the ledger's BilledCost, femto as bigint). */
export interface BillLine {
  readonly source: SourceId;
  readonly day: string;
  readonly model: string | null;
  readonly description: string | null;
  /** Anthropic: "service_tier|context_window|inference_geo|token_type|cost_type". */
  readonly line: string;
  readonly femto: Femto;
  readonly quantity?: number | null | undefined;
  readonly quantityUnit?: string | null | undefined;
}

export interface BilledRate {
  readonly source: SourceId;
  readonly day: string;
  /** The model as the bill names it. */
  readonly model: string;
  readonly kind: TokenKind;
  /** "standard" unless the line says batch, flex, priority, long context or US inference. */
  readonly tier: string;
  readonly tokens: number;
  readonly billedFemto: Femto;
  /** What the catalog charges for the same tokens; null when the catalog does not know the model. */
  readonly catalogFemto: Femto | null;
  readonly priceSource: string | null;
}

/** OpenAI's words for a kind, after the comma: "input", "cached input", "output", "cache write". */
function openAiKind(text: string): TokenKind | undefined {
  if (/cache[d]? (write|creation)/.test(text)) return 'cache_write_5m';
  if (/cached input|cache read/.test(text)) return 'cache_read';
  if (/\binput\b/.test(text)) return 'input';
  if (/\boutput\b/.test(text)) return 'output';
  return undefined;
}

function openAiTier(text: string): RateModifiers['tier'] {
  if (/\bbatch\b/.test(text)) return 'batch';
  if (/\bflex\b/.test(text)) return 'flex';
  if (/\b(priority|fast)\b/.test(text)) return 'priority';
  return 'standard';
}

function openAiRate(line: BillLine, catalog: Catalog): BilledRate | undefined {
  if (line.model === null || line.description === null || !line.quantity || line.quantity <= 0) return undefined;
  const perUnit = line.quantityUnit === 'tokens' ? 1 : line.quantityUnit === '1000_tokens' ? 1000 : 0;
  if (perUnit === 0) return undefined;
  const text = line.description.slice(line.description.indexOf(',') + 1).toLowerCase();
  const kind = openAiKind(text);
  if (!kind) return undefined;
  const tier = openAiTier(text);
  const longContext = /long context|>\s*272k/.test(text);
  const tokens = Math.round(line.quantity * perUnit);
  const entry = catalog.resolve(line.model);
  let catalogFemto: Femto | null = null;
  let priceSource: string | null = null;
  if (entry) {
    const { version } = versionSpanOn(entry, line.day);
    const rates = effectiveRates(entry, version, { day: line.day, tier, longContext, usInference: false, fast: false });
    catalogFemto = BigInt(tokens) * rates.tokens[kind];
    priceSource = version.source;
  }
  const label = [tier, longContext ? 'long context' : ''].filter((s) => s && s !== 'standard').join(', ');
  return {
    source: 'openai',
    day: line.day,
    model: line.model,
    kind,
    tier: label || 'standard',
    tokens,
    billedFemto: line.femto,
    catalogFemto,
    priceSource,
  };
}

const ANTHROPIC_KINDS: Readonly<Record<string, TokenKind>> = {
  uncached_input_tokens: 'input',
  output_tokens: 'output',
  'cache_creation.ephemeral_5m_input_tokens': 'cache_write_5m',
  'cache_creation.ephemeral_1h_input_tokens': 'cache_write_1h',
  cache_read_input_tokens: 'cache_read',
};

/** The usage dimensions the cost report also carries; absent values match the report's defaults. */
const norm = (v: string, fallback: string) => (v === '' || v === 'not_available' ? fallback : v);

function anthropicKey(day: string, model: string, tier: string, window: string, geo: string): string {
  // One template string, no array per call: it is called once per usage row.
  return `${day}|${model}|${norm(tier, 'standard')}|${norm(window, '0-200k')}|${norm(geo, 'global')}`;
}

interface Matched {
  tokens: number;
  femto: Femto;
  source: string | null;
  priced: boolean;
}

function anthropicRates(lines: readonly BillLine[], usage: readonly UsageRow[], catalog: Catalog): BilledRate[] {
  const byKey = new Map<string, UsageRow[]>();
  for (const row of usage) {
    if (row.source !== 'anthropic') continue;
    const key = anthropicKey(
      row.start.slice(0, 10),
      row.model,
      row.serviceTier ?? '',
      row.contextWindow ?? '',
      row.inferenceGeo ?? '',
    );
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  // The bill may split one kind over workspaces: sum the lines, as the usage rows are summed.
  const billed = new Map<string, { femto: Femto; tier: string }>();
  for (const line of lines) {
    const [tier = '', window = '', geo = '', tokenType = '', costType = ''] = line.line.split('|');
    const kind = ANTHROPIC_KINDS[tokenType];
    if (line.source !== 'anthropic' || line.model === null || costType !== 'tokens' || !kind) continue;
    const key = `${anthropicKey(line.day, line.model, tier, window, geo)}|${kind}`;
    const label = [
      tier === 'batch' ? 'batch' : '',
      window === '200k-1M' ? 'long context' : '',
      geo === 'us' ? 'US inference' : '',
    ]
      .filter(Boolean)
      .join(', ');
    billed.set(key, { femto: (billed.get(key)?.femto ?? 0n) + line.femto, tier: label || 'standard' });
  }
  const out: BilledRate[] = [];
  for (const [key, bill] of billed) {
    const parts = key.split('|');
    const kind = parts.pop() as TokenKind;
    const matched: Matched = { tokens: 0, femto: 0n, source: null, priced: true };
    for (const row of byKey.get(parts.join('|')) ?? []) {
      const tokens = tokensOfKind(row, kind);
      if (tokens === 0) continue;
      matched.tokens += tokens;
      // Each row at its own rates: fast-mode rows (the report has no speed) are priced as fast.
      const resolved = resolveRates(row, catalog);
      if (!resolved) matched.priced = false;
      else {
        matched.femto += BigInt(tokens) * resolved.rates.tokens[kind];
        matched.source = resolved.version.source;
      }
    }
    if (matched.tokens === 0) continue;
    out.push({
      source: 'anthropic',
      day: parts[0]!,
      model: parts[1]!,
      kind,
      tier: bill.tier,
      tokens: matched.tokens,
      billedFemto: bill.femto,
      catalogFemto: matched.priced ? matched.femto : null,
      priceSource: matched.priced ? matched.source : null,
    });
  }
  return out;
}

/** Every billed rate the bill and usage allow, for closed UTC days only (an open day's bill is partial). */
export function billedRates(lines: readonly BillLine[], usage: readonly UsageRow[], catalog: Catalog, now: number): BilledRate[] {
  const today = new Date(now).toISOString().slice(0, 10);
  const closed = lines.filter((l) => l.day < today);
  const openai = closed.flatMap((l) => (l.source === 'openai' ? [openAiRate(l, catalog)] : [])).filter((r) => r !== undefined);
  const rates = [...openai, ...anthropicRates(closed, usage, catalog)];
  return rates.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
