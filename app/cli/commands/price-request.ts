/**
 * `spendbar price` flags → one call as a usage row, checked against the model's price version: a
 * flag that does not apply to the model (flex on a model without flex, a 12-hour cache write where
 * none is priced) is an error that says so, never silently priced at standard.
 */
import { versionOn, type Catalog } from '../../engine/catalog/catalog.ts';
import type { ModelEntry, PriceVersion } from '../../engine/catalog/catalog-types.ts';
import type { UsageRow } from '../../engine/usage-row.ts';
import { countArg } from '../args.ts';
import { UsageError } from '../cli-error.ts';

export const PRICE_OPTIONS = {
  model: { type: 'string' },
  input: { type: 'string' },
  output: { type: 'string' },
  'cache-write-5m': { type: 'string' },
  'cache-write-1h': { type: 'string' },
  'cache-write-30m': { type: 'string' },
  'cache-write-12h': { type: 'string' },
  'cache-read': { type: 'string' },
  'web-search': { type: 'string' },
  tier: { type: 'string' },
  batch: { type: 'boolean' },
  'us-inference': { type: 'boolean' },
  fast: { type: 'boolean' },
  'context-window': { type: 'string' },
  at: { type: 'string' },
} as const;

type Values = {
  readonly [K in keyof typeof PRICE_OPTIONS]?: (typeof PRICE_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};
export type Tier = 'standard' | 'batch' | 'flex' | 'priority';

export interface PriceRequest {
  readonly entry: ModelEntry;
  readonly version: PriceVersion;
  readonly tier: Tier;
  readonly row: UsageRow;
}

/** "fast" is OpenAI's name for priority since July 2026; "default" is how the usage API says standard. */
const TIER_NAMES: Record<string, Tier> = {
  standard: 'standard',
  default: 'standard',
  batch: 'batch',
  flex: 'flex',
  priority: 'priority',
  fast: 'priority',
};

function tierOf(values: Values, entry: ModelEntry, version: PriceVersion, day: string): Tier {
  const named = values.tier === undefined ? undefined : TIER_NAMES[values.tier.toLowerCase()];
  if (values.tier !== undefined && !named)
    throw new UsageError(`--tier must be standard, batch, flex, priority or fast (got "${values.tier}")`);
  // --fast on an OpenAI model means the priority ("fast") tier; on a Claude model, fast mode.
  const fastTier = values.fast && entry.provider === 'openai' ? 'priority' : undefined;
  const asked = [named, values.batch ? 'batch' : undefined, fastTier].filter((t): t is Tier => t !== undefined);
  if (new Set(asked).size > 1) throw new UsageError(`choose one tier: ${[...new Set(asked)].join(' and ')} were both given`);
  const tier = asked[0] ?? 'standard';
  if ((tier === 'flex' || tier === 'priority') && !version[tier]) {
    const offered = ['standard', 'batch', ...(version.flex ? ['flex'] : []), ...(version.priority ? ['priority'] : [])];
    throw new UsageError(
      `${entry.id} has no ${tier} price on ${day}: its vendor does not offer that tier for it. Tiers it has: ${offered.join(', ')}.`,
    );
  }
  return tier;
}

function contextWindowOf(value: string | undefined, entry: ModelEntry, version: PriceVersion): string | undefined {
  if (value === undefined) return undefined;
  const band = { short: 'short', '0-200k': 'short', long: 'long', '200k-1M': 'long' }[value];
  if (!band) throw new UsageError(`--context-window must be short or long (or 0-200k / 200k-1M) (got "${value}")`);
  if (band === 'long' && !version.longContext)
    throw new UsageError(`${entry.id} has one price at every prompt size: --context-window long does not apply to it`);
  return band;
}

/** Cache-write flags by the model's retention names: 5m/1h for Claude, 30m/12h for OpenAI. */
function cacheWrites(values: Values, entry: ModelEntry, version: PriceVersion): [number, number] {
  const openAi = version.cacheWriteRetention !== undefined;
  const [shortFlag, longFlag, otherShort, otherLong] = openAi
    ? (['cache-write-30m', 'cache-write-12h', 'cache-write-5m', 'cache-write-1h'] as const)
    : (['cache-write-5m', 'cache-write-1h', 'cache-write-30m', 'cache-write-12h'] as const);
  for (const other of [otherShort, otherLong]) {
    if (values[other] !== undefined)
      throw new UsageError(`--${other} does not apply to ${entry.id}: its cache writes are --${shortFlag} and --${longFlag}`);
  }
  if (openAi && values[longFlag] !== undefined && version.longCacheWritePriced === false)
    throw new UsageError(`${entry.id} has no published 12-hour cache-write price: --cache-write-12h cannot be priced`);
  return [countArg(values[shortFlag], shortFlag), countArg(values[longFlag], longFlag)];
}

export function priceRequest(values: Values, catalog: Catalog, day: string): PriceRequest {
  const model = values.model ?? '';
  const entry = catalog.resolve(model);
  if (!entry)
    throw new UsageError(
      `unknown model "${model}": it is not in the price catalog. Check the id, or add a price in Settings → Prices.`,
    );
  const version = versionOn(entry, day);
  const tier = tierOf(values, entry, version, day);
  if (values['us-inference'] && !version.usInferenceMultiplier)
    throw new UsageError(`${entry.id} costs the same wherever it runs on ${day}: --us-inference does not apply to it`);
  if (values.fast && entry.provider !== 'openai' && !version.fast)
    throw new UsageError(`${entry.id} has no fast mode on ${day}: --fast does not apply to it`);
  const [write5m, write1h] = cacheWrites(values, entry, version);
  const row: UsageRow = {
    start: `${day}T00:00:00Z`,
    source: entry.provider,
    model,
    serviceTier: tier,
    contextWindow: contextWindowOf(values['context-window'], entry, version),
    inferenceGeo: values['us-inference'] ? 'us' : undefined,
    speed: values.fast && entry.provider !== 'openai' ? 'fast' : undefined,
    inputTokens: countArg(values.input, 'input'),
    outputTokens: countArg(values.output, 'output'),
    cacheWrite5mTokens: write5m,
    cacheWrite1hTokens: write1h,
    cacheReadTokens: countArg(values['cache-read'], 'cache-read'),
    webSearchRequests: countArg(values['web-search'], 'web-search'),
    // One call, judged by its own size (unlike the usage report's summed buckets).
    aggregated: false,
  };
  return { entry, version, tier, row };
}
