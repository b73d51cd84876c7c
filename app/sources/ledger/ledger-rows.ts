/** Usage and cost rows to and from their table columns, and the keys that tell two buckets apart. */
import type { SourceId } from '../../engine/usage-row.ts';
import type { BilledCost, StoredUsage } from '../billed-cost.ts';

type SqlValue = string | number | null;
const OPTIONAL = ['serviceTier', 'contextWindow', 'inferenceGeo', 'speed', 'workspace', 'apiKey'] as const;
/** Where each OPTIONAL field sits in USAGE_COLUMNS. */
const OPTIONAL_COLUMN = [5, 6, 7, 8, 9, 17] as const;

export const USAGE_COLUMNS =
  'source, start, start_iso, width, model, service_tier, context_window, inference_geo, speed, workspace, nulls, input, output, cache_write_5m, cache_write_1h, cache_read, web_search, api_key';
export const COST_COLUMNS = 'source, day, model, description, workspace, line, femto, quantity, quantity_unit, api_key';

/** The last start parsed: a fetch lists its rows hour by hour, many rows to an hour, so most parses are repeats. */
let lastStart = { iso: '', ms: NaN };

export function usageValues(r: StoredUsage): SqlValue[] {
  // Written out (no map or spread): a poll turns two days of rows into values.
  const tier = r.serviceTier;
  const window = r.contextWindow;
  const geo = r.inferenceGeo;
  const speed = r.speed;
  const workspace = r.workspace;
  const apiKey = r.apiKey;
  const nulls =
    (tier === null ? 1 : 0) |
    (window === null ? 2 : 0) |
    (geo === null ? 4 : 0) |
    (speed === null ? 8 : 0) |
    (workspace === null ? 16 : 0) |
    (apiKey === null ? 32 : 0);
  if (r.start !== lastStart.iso) lastStart = { iso: r.start, ms: Date.parse(r.start) };
  return [
    r.source,
    lastStart.ms,
    r.start,
    r.width,
    r.model,
    tier ?? null,
    window ?? null,
    geo ?? null,
    speed ?? null,
    workspace ?? null,
    nulls,
    r.inputTokens,
    r.outputTokens,
    r.cacheWrite5mTokens,
    r.cacheWrite1hTokens,
    r.cacheReadTokens,
    r.webSearchRequests,
    apiKey ?? null, // its column comes last (added in schema 3)
  ];
}

/**
 * A usage row from its columns in USAGE_COLUMNS order (a statement returning arrays: no record
 * object per row). The optional dimensions are columns 5–9, and the API key, added in schema 3, is
 * the last; bit i of `nulls` says the i-th optional field was an explicit null.
 */
export function usageFromColumns(c: readonly SqlValue[]): StoredUsage {
  const row: Record<string, unknown> = {
    start: c[2],
    width: c[3],
    source: c[0],
    model: c[4],
    inputTokens: c[11],
    outputTokens: c[12],
    cacheWrite5mTokens: c[13],
    cacheWrite1hTokens: c[14],
    cacheReadTokens: c[15],
    webSearchRequests: c[16],
  };
  const nulls = c[10] as number;
  for (let i = 0; i < OPTIONAL.length; i++) {
    const value = c[OPTIONAL_COLUMN[i]!];
    if (value !== null) row[OPTIONAL[i]!] = value;
    else if (nulls & (1 << i)) row[OPTIONAL[i]!] = null;
  }
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

/**
 * What tells two usage buckets apart, from a row's column values (USAGE_COLUMNS order): start,
 * width, model and the optional dimensions, the API key included. The same bucket twice in one
 * fetch (a page overlap) is stored once, the last seen.
 */
export function usageIdentity(v: readonly SqlValue[]): string {
  return `${v[2]}|${v[3]}|${v[4]}|${v[5] ?? ''}|${v[6] ?? ''}|${v[7] ?? ''}|${v[8] ?? ''}|${v[9] ?? ''}|${v[17] ?? ''}`;
}

/** What tells two bill lines apart (COST_COLUMNS order): day, model, description, workspace, line, API key. */
export function costIdentity(v: readonly SqlValue[]): string {
  return `${v[1]}|${v[2] ?? ''}|${v[3] ?? ''}|${v[4] ?? ''}|${v[5]}|${v[9] ?? ''}`;
}
