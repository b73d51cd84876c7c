/** The OpenAI organization usage (completions) and costs endpoints, answered from the simulated organization. */
import type { ServerResponse } from 'node:http';
import { bucketPage, hoursIn, pageEnvelope, type BucketPage } from './demo-buckets.ts';
import { DEMO_OPENAI_ORGANIZATION, queryArray, sendError, sendJson } from './demo-http.ts';
import { noise } from './demo-noise.ts';
import { DemoOrganization, HOUR_MS, type DemoOpenAiRecord } from './demo-organization.ts';
import { keyShares, splitCounts } from './demo-api-keys.ts';
import { distribute } from '../../engine/distribute.ts';

/** One record's usage per API key: its own key (the leaked one), or its project's keys by share. */
export function openAiByApiKey(r: DemoOpenAiRecord, hour: number, origin: number): Array<[string | null, DemoOpenAiRecord]> {
  if (r.apiKeyId) return [[r.apiKeyId, r]];
  const shares = keyShares('openai', r.projectId, hour, origin);
  const counts = [r.inputTokens, r.inputCachedTokens, r.outputTokens, r.requests];
  return splitCounts(
    counts,
    shares.map(([, share]) => share),
  ).map((c, i) => [shares[i]![0], { ...r, inputTokens: c[0]!, inputCachedTokens: c[1]!, outputTokens: c[2]!, requests: c[3]! }]);
}

const USAGE_GROUPS = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'];
const COST_GROUPS = ['project_id', 'line_item', 'api_key_id'];
/** OpenAI reports costs to 1e-9 USD here; the demo rounds each line there, as a real bill would. */
const FEMTO_PER_NANO = 1_000_000n;

function page(
  res: ServerResponse,
  params: URLSearchParams,
  now: number,
  allowed: string[],
  maxLimit?: number,
): BucketPage | undefined {
  const start = Number(params.get('start_time'));
  if (!params.get('start_time') || !Number.isInteger(start) || start < 0) {
    sendError(res, 'openai', 400, "Missing or invalid 'start_time': expected Unix seconds");
    return undefined;
  }
  const endText = params.get('end_time');
  const end = endText === null ? undefined : Number(endText) * 1000;
  const result = bucketPage(
    { start: start * 1000, end, width: params.get('bucket_width') ?? '1d', limit: params.get('limit'), page: params.get('page') },
    now,
    allowed,
    maxLimit,
  );
  if (typeof result === 'string') {
    sendError(res, 'openai', 400, result);
    return undefined;
  }
  return result;
}

function badGroup(res: ServerResponse, groups: string[], allowed: string[]): boolean {
  const bad = groups.find((g) => !allowed.includes(g));
  if (bad) sendError(res, 'openai', 400, `Invalid group_by value '${bad}'`);
  return bad !== undefined;
}

export function handleOpenAiCompletions(
  res: ServerResponse,
  params: URLSearchParams,
  org: DemoOrganization,
  endless: boolean,
): void {
  const groups = queryArray(params, 'group_by');
  if (badGroup(res, groups, USAGE_GROUPS)) return;
  const result = page(res, params, org.now(), ['1d', '1h']);
  if (!result) return;
  const has = (g: string) => groups.includes(g);
  const data = result.buckets.map((bucket) => {
    const combos = new Map<string, { r: DemoOpenAiRecord; apiKeyId: string | null; sums: [number, number, number, number] }>();
    for (const hour of hoursIn(bucket)) {
      for (const whole of org.openaiHour(hour)) {
        for (const [apiKeyId, r] of has('api_key_id') ? openAiByApiKey(whole, hour, org.origin()) : [[null, whole] as const]) {
          const key = `${has('model') ? r.model : ''}|${has('batch') ? r.batch : ''}|${has('project_id') ? r.projectId : ''}|${has('api_key_id') ? apiKeyId : ''}`;
          const combo = combos.get(key) ?? { r, apiKeyId, sums: [0, 0, 0, 0] };
          combo.sums[0] += r.inputTokens;
          combo.sums[1] += r.inputCachedTokens;
          combo.sums[2] += r.outputTokens;
          combo.sums[3] += r.requests;
          combos.set(key, combo);
        }
      }
    }
    const results = [...combos.values()].map(({ r, apiKeyId, sums }) => ({
      object: 'organization.usage.completions.result',
      input_tokens: sums[0],
      input_cached_tokens: sums[1],
      output_tokens: sums[2],
      input_audio_tokens: 0,
      output_audio_tokens: 0,
      num_model_requests: sums[3],
      project_id: has('project_id') ? r.projectId : null,
      user_id: null,
      api_key_id: has('api_key_id') ? apiKeyId : null,
      model: has('model') ? r.model : null,
      batch: has('batch') ? r.batch : null,
      service_tier: has('service_tier') ? 'default' : null,
    }));
    return { object: 'bucket', start_time: bucket[0] / 1000, end_time: bucket[1] / 1000, results };
  });
  sendJson(res, 200, pageEnvelope('openai', data, result, endless), {
    'x-request-id': `req_demo${Date.now()}`,
    'openai-organization': DEMO_OPENAI_ORGANIZATION,
  });
}

export interface DemoCostLine {
  readonly nano: bigint;
  readonly quantity: number;
  readonly unit: string;
  /** The line's dollars per API key (nano, adding up to `nano` exactly) and quantity; null: no key (storage). */
  readonly byKey: ReadonlyMap<string | null, { readonly nano: bigint; readonly quantity: number }>;
}

/**
 * File search storage, billed per GiB-day with no model: $0.10 per GB per day
 * (openai-admin-api-and-price-catalogs.md lists `gibibyte_hours` among quantity units).
 */
const STORAGE_LINE = 'File search storage';
const STORAGE_NANO_PER_DAY = 100_000_000n;

/**
 * One day's cost lines, in nano-dollars, by line item: "<model>, <kind>" as third-party fixtures show
 * them (sources-2026-11.md: "gpt-4o-2024-08-06, input", "…, cached input"), with `quantity` in tokens,
 * plus a line that names no model (storage) on days with usage. Each line is split over the keys
 * whose usage it bills, exactly (costs accept group_by api_key_id: openai-admin-api-and-price-catalogs.md).
 */
export function openAiCostLines(org: DemoOrganization, dayStart: number): Map<string, DemoCostLine> {
  const lines = new Map<
    string,
    { femto: bigint; quantity: number; unit: string; keys: Map<string | null, { femto: bigint; tokens: number }> }
  >();
  for (let h = dayStart; h < dayStart + 24 * HOUR_MS; h += HOUR_MS) {
    for (const record of org.openaiHour(h)) {
      const label = (kind: string) =>
        `${record.model}, ${kind === 'cache_read' ? 'cached input' : kind}${record.batch ? ' (batch)' : ''}`;
      for (const { kind, femto, tokens } of org.bill(DemoOrganization.openaiUsageRow(record, h))) {
        const line = lines.get(label(kind)) ?? { femto: 0n, quantity: 0, unit: 'tokens', keys: new Map() };
        line.femto += femto;
        line.quantity += tokens;
        lines.set(label(kind), line);
      }
      // Each key's own part of the bill: the weights the line's total is split by.
      for (const [apiKeyId, part] of openAiByApiKey(record, h, org.origin()))
        for (const { kind, femto, tokens } of org.bill(DemoOrganization.openaiUsageRow(part, h))) {
          const keys = lines.get(label(kind))!.keys;
          const own = keys.get(apiKeyId) ?? { femto: 0n, tokens: 0 };
          own.femto += femto;
          own.tokens += tokens;
          keys.set(apiKeyId, own);
        }
    }
  }
  const result = new Map<string, DemoCostLine>();
  for (const [label, { femto, quantity, unit, keys }] of lines) {
    const nano = (femto + FEMTO_PER_NANO / 2n) / FEMTO_PER_NANO;
    const parts = distribute(
      nano,
      [...keys.values()].map((k) => k.femto),
    );
    const byKey = new Map([...keys].map(([k, own], i) => [k, { nano: parts[i]!, quantity: own.tokens }]));
    result.set(label, { nano, quantity, unit, byKey });
  }
  if (lines.size > 0)
    result.set(STORAGE_LINE, {
      nano: STORAGE_NANO_PER_DAY,
      quantity: 24,
      unit: 'gibibyte_hours',
      byKey: new Map([[null, { nano: STORAGE_NANO_PER_DAY, quantity: 24 }]]),
    });
  return result;
}

function nanoToDecimal(nano: bigint): string {
  const fraction = (nano % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return `${nano / 1_000_000_000n}${fraction ? `.${fraction}` : ''}`;
}

export function handleOpenAiCosts(
  res: ServerResponse,
  params: URLSearchParams,
  org: DemoOrganization,
  endless: boolean,
  seed: number,
): void {
  const groups = queryArray(params, 'group_by');
  if (badGroup(res, groups, COST_GROUPS)) return;
  const result = page(res, params, org.now(), ['1d'], 180);
  if (!result) return;
  const byLine = groups.includes('line_item');
  const byKey = groups.includes('api_key_id');
  const data = result.buckets.map((bucket) => {
    const lines = openAiCostLines(org, bucket[0]);
    // Grouped by line, by key, by both or neither: the amounts of each group add up exactly.
    const groupsOf = new Map<
      string,
      { label: string | null; apiKey: string | null; nano: bigint; quantity: number; unit: string | null }
    >();
    for (const [label, line] of lines) {
      const parts: Array<[string | null, { nano: bigint; quantity: number }]> = byKey
        ? [...line.byKey]
        : [[null, { nano: line.nano, quantity: line.quantity }]];
      for (const [apiKey, part] of parts) {
        const id = `${byLine ? label : ''}|${byKey ? (apiKey ?? '-') : ''}`;
        const group = groupsOf.get(id) ?? {
          label: byLine ? label : null,
          apiKey,
          nano: 0n,
          quantity: 0,
          unit: byLine ? line.unit : null,
        };
        group.nano += part.nano;
        group.quantity += part.quantity;
        groupsOf.set(id, group);
      }
    }
    const results = [...groupsOf.values()]
      .filter(({ nano }) => nano > 0n)
      .map(({ label, apiKey, nano, quantity, unit }) => {
        const text = nanoToDecimal(nano);
        // Live responses sometimes carry amount.value as a string; the client must take both.
        const asString = noise(seed, bucket[0] / 1000, label ? label.length : 0) < 0.3;
        return {
          object: 'organization.costs.result',
          amount: { value: asString ? text : Number(text), currency: 'usd' },
          line_item: label,
          project_id: null,
          api_key_id: byKey ? apiKey : null,
          // "populated when group_by=line_item" (openai/openai-openapi CostsResult, added 2026-07/08).
          quantity: unit ? quantity : null,
          quantity_unit: unit,
        };
      });
    return { object: 'bucket', start_time: bucket[0] / 1000, end_time: bucket[1] / 1000, results };
  });
  sendJson(res, 200, pageEnvelope('openai', data, result, endless), {
    'x-request-id': `req_demo${Date.now()}`,
    'openai-organization': DEMO_OPENAI_ORGANIZATION,
  });
}
