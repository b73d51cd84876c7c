/** Validates OpenAI organization usage (completions) and costs pages into stored rows. */
import { parseScaledDecimal } from '../../engine/money.ts';
import type { BilledCost, StoredUsage } from '../billed-cost.ts';
import { asArray, asCount, asObject, asOptionalString, ShapeError } from '../http/json-shape.ts';

function bucketStart(bucket: Record<string, unknown>, path: string): number {
  const seconds = bucket.start_time;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0)
    throw new ShapeError(`${path}.start_time is not Unix seconds`);
  return seconds * 1000;
}

/** Where the buckets of one page end (the latest end_time, epoch ms); undefined for a page without buckets. */
export function openAiPageEnd(data: unknown[]): number | undefined {
  let end: number | undefined;
  data.forEach((raw, b) => {
    const seconds = asObject(raw, `data[${b}]`).end_time;
    if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0)
      throw new ShapeError(`data[${b}].end_time is not Unix seconds`);
    end = Math.max(end ?? 0, seconds * 1000);
  });
  return end;
}

export function parseCompletionsBuckets(data: unknown[], width: '1h' | '1d'): StoredUsage[] {
  const rows: StoredUsage[] = [];
  data.forEach((rawBucket, b) => {
    const bucket = asObject(rawBucket, `data[${b}]`);
    const start = new Date(bucketStart(bucket, `data[${b}]`)).toISOString();
    asArray(bucket.results, `data[${b}].results`).forEach((rawResult, r) => {
      const path = `data[${b}].results[${r}]`;
      const result = asObject(rawResult, path);
      const model = asOptionalString(result.model, `${path}.model`);
      if (model === null) throw new ShapeError(`${path}.model is missing although the request grouped by model`);
      // input_tokens includes cached and cache-write tokens; the engine wants them apart.
      const input = asCount(result.input_tokens, `${path}.input_tokens`);
      const cached = asCount(result.input_cached_tokens, `${path}.input_cached_tokens`);
      const written = asCount(result.input_cache_write_tokens, `${path}.input_cache_write_tokens`);
      if (cached + written > input) throw new ShapeError(`${path}: cached and cache-write tokens exceed input_tokens`);
      const batch = result.batch === true;
      const tier = asOptionalString(result.service_tier, `${path}.service_tier`);
      rows.push({
        start,
        width,
        source: 'openai',
        model,
        serviceTier: batch ? 'batch' : tier === 'default' || tier === 'auto' ? 'standard' : tier,
        workspace: asOptionalString(result.project_id, `${path}.project_id`),
        apiKey: asOptionalString(result.api_key_id, `${path}.api_key_id`),
        inputTokens: input - cached - written,
        outputTokens: asCount(result.output_tokens, `${path}.output_tokens`),
        cacheWrite5mTokens: written,
        cacheWrite1hTokens: 0,
        cacheReadTokens: cached,
        webSearchRequests: 0,
        // A bucket sums many requests: never priced at a per-request long-context rate by its size.
        aggregated: true,
      });
    });
  });
  return rows;
}

/** amount.value arrives as a number or as a string; either way it becomes an exact decimal. */
function amountFemto(value: unknown, path: string): bigint {
  // A number's shortest round-trip text is the decimal the server wrote ("12.345678901"); toFixed(15)
  // would add binary noise ("12.345678901000001"). Exponent forms (1e-7) are written out in full.
  const text =
    typeof value === 'number' && Number.isFinite(value)
      ? /e/i.test(String(value))
        ? value.toFixed(15).replace(/0+$/, '')
        : String(value)
      : typeof value === 'string'
        ? value
        : undefined;
  const parsed = text === undefined ? undefined : parseScaledDecimal(text.replace(/\.$/, ''), 15);
  if (parsed === undefined) {
    // More than 15 decimals: keep 15, the same precision the rest of the ledger has.
    const match = typeof text === 'string' ? /^(-?\d+)\.(\d{15})\d*$/.exec(text) : null;
    if (match) return parseScaledDecimal(`${match[1]}.${match[2]}`, 15) ?? 0n;
    throw new ShapeError(`${path} is not a decimal amount`);
  }
  return parsed;
}

/**
 * The model a line item names: "gpt-4o-2024-08-06, input", "o3-2025-04-16, cached input" (a model id,
 * a comma, a token kind; sources-2026-11.md). Free text such as "Text tokens" or "input_tokens" (the
 * spec's example) names none.
 */
export function lineItemModel(lineItem: string | null): string | null {
  if (lineItem === null) return null;
  const match = /^([A-Za-z0-9][A-Za-z0-9._:/-]*),\s*\S/.exec(lineItem.trim());
  return match ? match[1]! : null;
}

/** quantity is a number or null ("populated when group_by=line_item", openai-openapi CostsResult). */
function quantityOf(value: unknown, path: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ShapeError(`${path} is not a number ≥ 0`);
  return value;
}

export function parseCostBuckets(data: unknown[]): BilledCost[] {
  const costs: BilledCost[] = [];
  data.forEach((rawBucket, b) => {
    const bucket = asObject(rawBucket, `data[${b}]`);
    const day = new Date(bucketStart(bucket, `data[${b}]`)).toISOString().slice(0, 10);
    asArray(bucket.results, `data[${b}].results`).forEach((rawResult, r) => {
      const path = `data[${b}].results[${r}]`;
      const result = asObject(rawResult, path);
      const amount = asObject(result.amount, `${path}.amount`);
      const currency = asOptionalString(amount.currency, `${path}.amount.currency`);
      if (currency !== null && currency.toLowerCase() !== 'usd')
        throw new ShapeError(`${path}.amount.currency is ${currency}; only USD is supported`);
      const lineItem = asOptionalString(result.line_item, `${path}.line_item`);
      costs.push({
        source: 'openai',
        day,
        model: lineItemModel(lineItem),
        description: lineItem,
        workspace: asOptionalString(result.project_id, `${path}.project_id`),
        apiKey: asOptionalString(result.api_key_id, `${path}.api_key_id`),
        line: '',
        femto: amountFemto(amount.value, `${path}.amount.value`).toString(),
        quantity: quantityOf(result.quantity, `${path}.quantity`),
        quantityUnit: asOptionalString(result.quantity_unit, `${path}.quantity_unit`),
      });
    });
  });
  return costs;
}
