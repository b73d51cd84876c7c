/** Usage and cost rows to and from their table columns, and the keys that tell two buckets apart. */
import type { SourceId } from '../../engine/usage-row.ts';
import type { BilledCost, StoredUsage } from '../billed-cost.ts';

type SqlValue = string | number | null;
const OPTIONAL = ['serviceTier', 'contextWindow', 'inferenceGeo', 'speed', 'workspace'] as const;

export const USAGE_COLUMNS =
  'source, start, start_iso, width, model, service_tier, context_window, inference_geo, speed, workspace, nulls, input, output, cache_write_5m, cache_write_1h, cache_read, web_search';
export const COST_COLUMNS = 'source, day, model, description, workspace, line, femto, quantity, quantity_unit';

export function usageValues(r: StoredUsage): SqlValue[] {
  let nulls = 0;
  const optional = OPTIONAL.map((field, i) => {
    const value = r[field];
    if (value === null) nulls |= 1 << i;
    return value ?? null;
  });
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
  ];
}

/** A usage row from its columns in USAGE_COLUMNS order (a statement returning arrays: no record object per row). */
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
    const value = c[5 + i];
    if (value !== null) row[OPTIONAL[i]!] = value;
    else if (nulls & (1 << i)) row[OPTIONAL[i]!] = null;
  }
  return row as unknown as StoredUsage;
}

export function costValues(r: BilledCost): SqlValue[] {
  return [r.source, r.day, r.model, r.description, r.workspace, r.line, r.femto, r.quantity ?? null, r.quantityUnit ?? null];
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
  };
}

/**
 * What tells two usage buckets apart, from a row's column values (USAGE_COLUMNS order): start,
 * width, model and the optional dimensions. The same bucket twice in one fetch (a page overlap) is
 * stored once, the last seen.
 */
export function usageIdentity(v: readonly SqlValue[]): string {
  return `${v[2]}|${v[3]}|${v[4]}|${v[5] ?? ''}|${v[6] ?? ''}|${v[7] ?? ''}|${v[8] ?? ''}|${v[9] ?? ''}`;
}

/** What tells two bill lines apart (COST_COLUMNS order): day, model, description, workspace, line. */
export function costIdentity(v: readonly SqlValue[]): string {
  return `${v[1]}|${v[2] ?? ''}|${v[3] ?? ''}|${v[4] ?? ''}|${v[5]}`;
}
