/** Usage and cost rows to and from their table columns, and the keys that tell two buckets apart. */
import type { SourceId } from '../../engine/usage-row.ts';
import type { BilledCost, StoredUsage } from '../billed-cost.ts';

type SqlValue = string | number | null;
const OPTIONAL = ['serviceTier', 'contextWindow', 'inferenceGeo', 'speed', 'workspace', 'apiKey'] as const;

export const USAGE_COLUMNS =
  'source, start, start_iso, width, model, service_tier, context_window, inference_geo, speed, workspace, nulls, input, output, cache_write_5m, cache_write_1h, cache_read, web_search, api_key';
export const COST_COLUMNS = 'source, day, model, description, workspace, line, femto, quantity, quantity_unit, api_key';

export function usageValues(r: StoredUsage): SqlValue[] {
  let nulls = 0;
  const optional = OPTIONAL.map((field, i) => {
    const value = r[field];
    if (value === null) nulls |= 1 << i;
    return value ?? null;
  });
  const apiKey = optional.pop()!; // its column comes last (added in schema 3)
  return [
    r.source,
    Date.parse(r.start),
    r.start,
    r.width,
    r.model,
    ...optional,
    nulls,
    r.inputTokens,
    r.outputTokens,
    r.cacheWrite5mTokens,
    r.cacheWrite1hTokens,
    r.cacheReadTokens,
    r.webSearchRequests,
    apiKey,
  ];
}

interface UsageRecord {
  source: string;
  start_iso: string;
  width: string;
  model: string;
  service_tier: string | null;
  context_window: string | null;
  inference_geo: string | null;
  speed: string | null;
  workspace: string | null;
  nulls: number;
  input: number;
  output: number;
  cache_write_5m: number;
  cache_write_1h: number;
  cache_read: number;
  web_search: number;
  api_key: string | null;
}

export function usageFromRecord(record: Record<string, SqlValue>): StoredUsage {
  const r = record as unknown as UsageRecord;
  const row: Record<string, unknown> = {
    start: r.start_iso,
    width: r.width,
    source: r.source,
    model: r.model,
    inputTokens: r.input,
    outputTokens: r.output,
    cacheWrite5mTokens: r.cache_write_5m,
    cacheWrite1hTokens: r.cache_write_1h,
    cacheReadTokens: r.cache_read,
    webSearchRequests: r.web_search,
  };
  const columns = [r.service_tier, r.context_window, r.inference_geo, r.speed, r.workspace, r.api_key];
  OPTIONAL.forEach((field, i) => {
    if (columns[i] !== null) row[field] = columns[i];
    else if (r.nulls & (1 << i)) row[field] = null;
  });
  return row as unknown as StoredUsage;
}

export function costValues(r: BilledCost): SqlValue[] {
  const apiKey = r.apiKey === undefined ? null : (r.apiKey ?? '');
  return [
    r.source,
    r.day,
    r.model,
    r.description,
    r.workspace,
    r.line,
    r.femto,
    r.quantity ?? null,
    r.quantityUnit ?? null,
    apiKey,
  ];
}

export function costFromRecord(record: Record<string, SqlValue>): BilledCost {
  const r = record as Record<string, string | null>;
  return {
    source: r.source as SourceId,
    day: r.day as string,
    model: r.model ?? null,
    description: r.description ?? null,
    workspace: r.workspace ?? null,
    line: r.line as string,
    femto: r.femto as string,
    ...(record.quantity !== null && record.quantity !== undefined ? { quantity: Number(record.quantity) } : {}),
    ...(r.quantity_unit ? { quantityUnit: r.quantity_unit } : {}),
    ...(r.api_key !== null && r.api_key !== undefined ? { apiKey: r.api_key === '' ? null : r.api_key } : {}),
  };
}

export function usageKey(r: StoredUsage): string {
  return [r.start, r.width, r.model, ...OPTIONAL.map((f) => r[f] ?? '')].join('|');
}

export function costKey(r: BilledCost): string {
  return [r.day, r.model ?? '', r.description ?? '', r.workspace ?? '', r.line, r.apiKey ?? ''].join('|');
}

/** Rows with the same key in one fetch are one bucket seen twice (a page overlap): keep the last. */
export function unique<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [key(row), row])).values()];
}
