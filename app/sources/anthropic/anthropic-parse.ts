/** Validates Anthropic usage and cost report pages into stored rows. Every field is treated as untrusted. */
import { centsToFemto } from '../../engine/money.ts';
import type { BilledCost, StoredUsage } from '../billed-cost.ts';
import { asArray, asCount, asObject, asOptionalString, asTime, ShapeError } from '../http/json-shape.ts';

export function parseUsageBuckets(data: unknown[], width: '1h' | '1d'): StoredUsage[] {
  const rows: StoredUsage[] = [];
  data.forEach((rawBucket, b) => {
    const bucket = asObject(rawBucket, `data[${b}]`);
    const start = new Date(asTime(bucket.starting_at, `data[${b}].starting_at`)).toISOString();
    asArray(bucket.results, `data[${b}].results`).forEach((rawResult, r) => {
      const path = `data[${b}].results[${r}]`;
      const result = asObject(rawResult, path);
      const model = asOptionalString(result.model, `${path}.model`);
      if (model === null) throw new ShapeError(`${path}.model is missing although the request grouped by model`);
      const cache =
        result.cache_creation === undefined || result.cache_creation === null
          ? {}
          : asObject(result.cache_creation, `${path}.cache_creation`);
      const tools =
        result.server_tool_use === undefined || result.server_tool_use === null
          ? {}
          : asObject(result.server_tool_use, `${path}.server_tool_use`);
      rows.push({
        start,
        width,
        source: 'anthropic',
        model,
        serviceTier: asOptionalString(result.service_tier, `${path}.service_tier`),
        contextWindow: asOptionalString(result.context_window, `${path}.context_window`),
        inferenceGeo: asOptionalString(result.inference_geo, `${path}.inference_geo`),
        speed: asOptionalString(result.speed, `${path}.speed`),
        workspace: asOptionalString(result.workspace_id, `${path}.workspace_id`),
        // null for Workbench usage "even when grouping by that dimension" (anthropic-admin-api.md).
        apiKey: asOptionalString(result.api_key_id, `${path}.api_key_id`),
        inputTokens: asCount(result.uncached_input_tokens, `${path}.uncached_input_tokens`),
        outputTokens: asCount(result.output_tokens, `${path}.output_tokens`),
        cacheWrite5mTokens: asCount(cache.ephemeral_5m_input_tokens, `${path}.cache_creation.ephemeral_5m_input_tokens`),
        cacheWrite1hTokens: asCount(cache.ephemeral_1h_input_tokens, `${path}.cache_creation.ephemeral_1h_input_tokens`),
        cacheReadTokens: asCount(result.cache_read_input_tokens, `${path}.cache_read_input_tokens`),
        webSearchRequests: asCount(tools.web_search_requests, `${path}.server_tool_use.web_search_requests`),
      });
    });
  });
  return rows;
}

/**
 * Where the buckets of one page end (the latest ending_at): everything before it has been delivered,
 * since buckets come oldest first. Undefined for a page without buckets.
 */
export function anthropicPageEnd(data: unknown[]): number | undefined {
  let end: number | undefined;
  data.forEach((raw, b) => {
    const bucket = asObject(raw, `data[${b}]`);
    const t = asTime(bucket.ending_at, `data[${b}].ending_at`);
    end = end === undefined ? t : Math.max(end, t);
  });
  return end;
}

export function parseCostBuckets(data: unknown[]): BilledCost[] {
  const costs: BilledCost[] = [];
  data.forEach((rawBucket, b) => {
    const bucket = asObject(rawBucket, `data[${b}]`);
    const day = new Date(asTime(bucket.starting_at, `data[${b}].starting_at`)).toISOString().slice(0, 10);
    asArray(bucket.results, `data[${b}].results`).forEach((rawResult, r) => {
      const path = `data[${b}].results[${r}]`;
      const result = asObject(rawResult, path);
      const currency = asOptionalString(result.currency, `${path}.currency`);
      if (currency !== null && currency.toUpperCase() !== 'USD')
        throw new ShapeError(`${path}.currency is ${currency}; only USD is supported`);
      const amount = typeof result.amount === 'string' ? centsToFemto(result.amount) : undefined;
      if (amount === undefined) throw new ShapeError(`${path}.amount is not a decimal string of cents`);
      costs.push({
        source: 'anthropic',
        day,
        model: asOptionalString(result.model, `${path}.model`),
        description: asOptionalString(result.description, `${path}.description`),
        workspace: asOptionalString(result.workspace_id, `${path}.workspace_id`),
        line: ['service_tier', 'context_window', 'inference_geo', 'token_type', 'cost_type']
          .map((f) => asOptionalString(result[f], `${path}.${f}`) ?? '')
          .join('|'),
        femto: amount.toString(),
      });
    });
  });
  return costs;
}
