/**
 * How an OpenAI price line becomes a catalog version, and the multiples OpenAI's model pages state
 * for GPT-5.6 and later (developers.openai.com/api/docs/models/gpt-5.6-luna, gpt-6-luna, gpt-6.2-sol,
 * stored copies read 2026-11-30): cache writes 1.25x input; above 272K input tokens "input and cache
 * rates double and output costs 1.5 times the short-context rate for the full request"; "Batch and
 * Flex cost 50% of Standard rates"; "Fast mode costs twice the Standard rate for the same context length".
 */
import { parseScaledDecimal } from '../money.ts';
import type { PriceVersion, TierRates } from './catalog-types.ts';

/** USD per million tokens, as typed from the vendor's page. */
export interface OpenAiSpec {
  readonly from: string;
  readonly input: string;
  /** Cached input; absent where the model has no cache discount (cache reads bill as input). */
  readonly cached?: string;
  /** Short-retention (30-minute) cache write, where OpenAI charges one (GPT-5.6 and later). */
  readonly cacheWrite?: string;
  /** 12-hour cache write, where a price is published (GPT-6.1 Terra, GPT-6.2 Sol). */
  readonly cacheWrite12h?: string;
  readonly output: string;
  readonly batch?: readonly [string, string];
  /** input, cached, output (cache writes scale with input). */
  readonly flex?: readonly [string, string, string];
  readonly priority?: readonly [string, string, string];
  readonly longContext?: {
    readonly input: string;
    readonly cached: string;
    readonly output: string;
    readonly cacheWrite?: string;
  };
  readonly promotionalThrough?: string;
  readonly source: string;
}

/** The prompt size above which OpenAI bills the whole request at long-context rates. */
const LONG_CONTEXT_THRESHOLD = 272_000;
/** GPT-5.4 and later accept 1,050,000 tokens of context; a row above that cannot be one request. */
const CONTEXT_WINDOW = 1_050_000;

/** value x num / den as a plain decimal string (exact: the catalog's figures have few digits). */
export function times(value: string, num: number, den = 1): string {
  const scaled = parseScaledDecimal(value, 9);
  if (scaled === undefined) throw new Error(`catalog price "${value}" is not a decimal`);
  const product = (scaled * BigInt(num)) / BigInt(den);
  const whole = product / 1_000_000_000n;
  const fraction = (product % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** A GPT-5.6-or-later line: every other rate follows from input, cached, output by the stated multiples. */
export function modernSpec(
  from: string,
  [input, cached, output]: readonly [string, string, string],
  source: string,
  extra: { cacheWrite12h?: string; promotionalThrough?: string } = {},
): OpenAiSpec {
  const cacheWrite = times(input, 5, 4);
  return {
    from,
    input,
    cached,
    cacheWrite,
    output,
    batch: [times(input, 1, 2), times(output, 1, 2)],
    flex: [times(input, 1, 2), times(cached, 1, 2), times(output, 1, 2)],
    priority: [times(input, 2), times(cached, 2), times(output, 2)],
    longContext: {
      input: times(input, 2),
      cached: times(cached, 2),
      output: times(output, 3, 2),
      cacheWrite: times(cacheWrite, 2),
    },
    source,
    ...extra,
  };
}

function tier([input, cacheRead, output]: readonly [string, string, string], cacheWrite?: string): TierRates {
  return { input, cacheRead, output, ...(cacheWrite !== undefined ? { cacheWrite } : {}) };
}

export function openAiVersion(spec: OpenAiSpec): PriceVersion {
  const write = spec.cacheWrite ?? spec.input;
  const long = spec.longContext;
  // A tier's cache write keeps the tier's input ratio unless the spec says otherwise (engine rule).
  return {
    effectiveFrom: spec.from,
    rates: {
      input: spec.input,
      output: spec.output,
      cacheWrite5m: write,
      cacheWrite1h: spec.cacheWrite12h ?? write,
      cacheRead: spec.cached ?? spec.input,
    },
    cacheWriteRetention: { short: '30 minutes', long: '12 hours' },
    longCacheWritePriced: spec.cacheWrite12h !== undefined,
    source: spec.source,
    ...(spec.batch ? { batch: { input: spec.batch[0], output: spec.batch[1] } } : {}),
    ...(spec.flex ? { flex: tier(spec.flex) } : {}),
    ...(spec.priority ? { priority: tier(spec.priority) } : {}),
    ...(spec.promotionalThrough ? { promotionalThrough: spec.promotionalThrough } : {}),
    ...(long
      ? {
          longContext: {
            thresholdTokens: LONG_CONTEXT_THRESHOLD,
            contextWindowTokens: CONTEXT_WINDOW,
            rates: {
              input: long.input,
              output: long.output,
              cacheWrite5m: long.cacheWrite ?? long.input,
              cacheWrite1h: spec.cacheWrite12h ? times(spec.cacheWrite12h, 2) : (long.cacheWrite ?? long.input),
              cacheRead: long.cached,
            },
          },
        }
      : {}),
  };
}
