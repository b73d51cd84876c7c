/** The Anthropic Admin usage and cost report endpoints, answered from the simulated organization. */
import type { ServerResponse } from 'node:http';
import { buildCatalog } from '../../engine/catalog/catalog.ts';
import { bucketPage, hoursIn, pageEnvelope, parseRfc3339, rfc3339, type BucketPage } from './demo-buckets.ts';
import { DEMO_ORGANIZATION_ID, femtoToCentsString, queryArray, sendError, sendJson } from './demo-http.ts';
import { DemoOrganization, type DemoAnthropicRecord } from './demo-organization.ts';
import { keyShares, splitCounts } from './demo-api-keys.ts';

const USAGE_GROUPS = [
  'account_id',
  'api_key_id',
  'context_window',
  'inference_geo',
  'model',
  'service_account_id',
  'service_tier',
  'speed',
  'workspace_id',
];
const COST_GROUPS = ['description', 'workspace_id'];
const catalog = buildCatalog();

type Sums = [number, number, number, number, number, number];

/** One record's usage per API key of its workspace, in whole tokens that add up to the record. */
export function anthropicByApiKey(
  r: DemoAnthropicRecord,
  hour: number,
  origin: number,
): Array<[string | null, DemoAnthropicRecord]> {
  const shares = keyShares('anthropic', r.workspaceId, hour, origin);
  const counts = [
    r.uncachedInputTokens,
    r.outputTokens,
    r.cacheWrite5mTokens,
    r.cacheWrite1hTokens,
    r.cacheReadTokens,
    r.webSearchRequests,
  ];
  return splitCounts(
    counts,
    shares.map(([, share]) => share),
  ).map((c, i) => [
    shares[i]![0],
    {
      ...r,
      uncachedInputTokens: c[0]!,
      outputTokens: c[1]!,
      cacheWrite5mTokens: c[2]!,
      cacheWrite1hTokens: c[3]!,
      cacheReadTokens: c[4]!,
      webSearchRequests: c[5]!,
    },
  ]);
}

function pageOrError(res: ServerResponse, params: URLSearchParams, now: number, allowed: string[]): BucketPage | undefined {
  const start = parseRfc3339(params.get('starting_at'));
  if (start === undefined) {
    sendError(res, 'anthropic', 400, 'starting_at: required, an RFC 3339 timestamp such as 2025-01-01T00:00:00Z');
    return undefined;
  }
  const endText = params.get('ending_at');
  const end = endText === null ? undefined : parseRfc3339(endText);
  if (endText !== null && end === undefined) {
    sendError(res, 'anthropic', 400, 'ending_at: must be an RFC 3339 timestamp');
    return undefined;
  }
  const page = bucketPage(
    { start, end, width: params.get('bucket_width') ?? '1d', limit: params.get('limit'), page: params.get('page') },
    now,
    allowed,
  );
  if (typeof page === 'string') {
    sendError(res, 'anthropic', 400, page);
    return undefined;
  }
  return page;
}

function invalidGroups(res: ServerResponse, groups: string[], allowed: string[]): boolean {
  const bad = groups.find((g) => !allowed.includes(g));
  if (bad) sendError(res, 'anthropic', 400, `group_by[]: "${bad}" is not one of ${allowed.join(', ')}`);
  return bad !== undefined;
}

export function handleAnthropicUsage(
  res: ServerResponse,
  params: URLSearchParams,
  org: DemoOrganization,
  endless: boolean,
  headers: Record<string, string>,
): void {
  const groups = queryArray(params, 'group_by');
  if (invalidGroups(res, groups, USAGE_GROUPS)) return;
  if (groups.includes('speed') && !(headers['anthropic-beta'] ?? '').includes('fast-mode-2026-02-01')) {
    sendError(res, 'anthropic', 400, 'group_by[]=speed requires the anthropic-beta header fast-mode-2026-02-01');
    return;
  }
  const page = pageOrError(res, params, org.now(), ['1d', '1h']);
  if (!page) return;
  const models = queryArray(params, 'models');
  const has = (g: string) => groups.includes(g);
  const data = page.buckets.map((bucket) => {
    const combos = new Map<string, { record: DemoAnthropicRecord; apiKeyId: string | null; sums: Sums }>();
    for (const hour of hoursIn(bucket)) {
      for (const whole of org.anthropicHour(hour)) {
        if (models.length && !models.includes(whole.model)) continue;
        for (const [apiKeyId, r] of has('api_key_id') ? anthropicByApiKey(whole, hour, org.origin()) : [[null, whole] as const]) {
          const key = [
            has('model') ? r.model : '',
            has('workspace_id') ? r.workspaceId : '',
            has('service_tier') ? r.serviceTier : '',
            has('context_window') ? r.contextWindow : '',
            has('inference_geo') ? r.inferenceGeo : '',
            has('api_key_id') ? (apiKeyId ?? '-') : '',
          ].join('|');
          const combo = combos.get(key) ?? { record: r, apiKeyId, sums: [0, 0, 0, 0, 0, 0] as Sums };
          combo.sums[0] += r.uncachedInputTokens;
          combo.sums[1] += r.outputTokens;
          combo.sums[2] += r.cacheWrite5mTokens;
          combo.sums[3] += r.cacheWrite1hTokens;
          combo.sums[4] += r.cacheReadTokens;
          combo.sums[5] += r.webSearchRequests;
          combos.set(key, combo);
        }
      }
    }
    const results = [...combos.values()].map(({ record: r, apiKeyId, sums }) => ({
      account_id: null,
      // null for Workbench usage even when grouped by key (anthropic-admin-api.md).
      api_key_id: has('api_key_id') ? apiKeyId : null,
      cache_creation: { ephemeral_1h_input_tokens: sums[3], ephemeral_5m_input_tokens: sums[2] },
      cache_read_input_tokens: sums[4],
      context_window: has('context_window') ? r.contextWindow : null,
      inference_geo: has('inference_geo') ? r.inferenceGeo : null,
      model: has('model') ? r.model : null,
      output_tokens: sums[1],
      server_tool_use: { web_search_requests: sums[5] },
      service_account_id: null,
      service_tier: has('service_tier') ? r.serviceTier : null,
      uncached_input_tokens: sums[0],
      workspace_id: has('workspace_id') ? r.workspaceId : null,
    }));
    return { starting_at: rfc3339(bucket[0]), ending_at: rfc3339(bucket[1]), results };
  });
  sendJson(res, 200, pageEnvelope('anthropic', data, page, endless), {
    'request-id': `req_011demo${Date.now()}`,
    'anthropic-organization-id': DEMO_ORGANIZATION_ID,
  });
}

const TOKEN_TYPES: Record<string, [string, string]> = {
  input: ['uncached_input_tokens', 'Input Tokens'],
  output: ['output_tokens', 'Output Tokens'],
  cache_write_5m: ['cache_creation.ephemeral_5m_input_tokens', 'Cache Write (5m) Tokens'],
  cache_write_1h: ['cache_creation.ephemeral_1h_input_tokens', 'Cache Write (1h) Tokens'],
  cache_read: ['cache_read_input_tokens', 'Cache Read Tokens'],
};

export function handleAnthropicCost(res: ServerResponse, params: URLSearchParams, org: DemoOrganization, endless: boolean): void {
  const groups = queryArray(params, 'group_by');
  if (invalidGroups(res, groups, COST_GROUPS)) return;
  const page = pageOrError(res, params, org.now(), ['1d']);
  if (!page) return;
  const byDescription = groups.includes('description');
  const byWorkspace = groups.includes('workspace_id');
  const data = page.buckets.map((bucket) => {
    const lines = new Map<string, { femto: bigint; result: Record<string, unknown> }>();
    for (const hour of hoursIn(bucket)) {
      for (const record of org.anthropicHour(hour)) {
        for (const { kind, femto } of org.bill(DemoOrganization.anthropicUsageRow(record, hour))) {
          const workspace = byWorkspace ? record.workspaceId : null;
          let result: Record<string, unknown> = {
            workspace_id: workspace,
            description: null,
            cost_type: null,
            context_window: null,
            inference_geo: null,
            model: null,
            service_tier: null,
            token_type: null,
          };
          if (byDescription && kind === 'web_search') {
            result = { ...result, description: 'Web Search Usage', cost_type: 'web_search' };
          } else if (byDescription) {
            const [tokenType, label] = TOKEN_TYPES[kind] ?? ['uncached_input_tokens', 'Input Tokens'];
            const name = catalog.resolve(record.model)?.displayName ?? record.model;
            result = {
              ...result,
              description: `${name} Usage - ${label}`,
              cost_type: 'tokens',
              context_window: record.contextWindow,
              inference_geo: record.inferenceGeo,
              model: record.model,
              service_tier: record.serviceTier,
              token_type: tokenType,
            };
          }
          const key = JSON.stringify(result);
          const line = lines.get(key) ?? { femto: 0n, result };
          line.femto += femto;
          lines.set(key, line);
        }
      }
    }
    const results = [...lines.values()].map(({ femto, result }) => ({
      amount: femtoToCentsString(femto),
      currency: 'USD',
      ...result,
    }));
    return { starting_at: rfc3339(bucket[0]), ending_at: rfc3339(bucket[1]), results };
  });
  sendJson(res, 200, pageEnvelope('anthropic', data, page, endless), {
    'request-id': `req_011demo${Date.now()}`,
    'anthropic-organization-id': DEMO_ORGANIZATION_ID,
  });
}
