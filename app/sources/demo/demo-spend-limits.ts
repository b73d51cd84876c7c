/**
 * The simulated organization's spend limits, shaped as the providers document them.
 * OpenAI: `GET /v1/organization/spend_limit` and `/v1/organization/projects/{id}/spend_limit` →
 * `organization.spend_limit` {threshold_amount (cents), currency, interval "month", enforcement.status}
 * (developers.openai.com/api/reference/resources/admin/subresources/organization/subresources/spend_limit).
 * Anthropic: `GET /v1/organizations/spend_limits`, a list of `spend_limit` {amount (cents, decimal
 * string or null), currency, is_enabled, period, scope {type}}; listing is early access behind
 * `anthropic-beta: spend-limit-reads-2026-09-26` (platform.claude.com/docs/en/api/organization/spend_limits,
 * sources-2026-11.md).
 */
import type { ServerResponse } from 'node:http';
import { sendError, sendJson } from './demo-http.ts';

const ANTHROPIC_BETA = 'spend-limit-reads-2026-09-26';
const CREATED = '2026-01-15T09:00:00Z';

export function handleOpenAiSpendLimit(res: ServerResponse, path: string): void {
  const project = /^\/v1\/organization\/projects\/([^/]+)\/spend_limit$/.exec(path);
  // The demo's one project has no limit of its own; only the organization's applies.
  if (project) return sendError(res, 'openai', 404, `No spend limit is set for project ${decodeURIComponent(project[1]!)}`);
  sendJson(res, 200, {
    object: 'organization.spend_limit',
    threshold_amount: 150_000,
    currency: 'USD',
    interval: 'month',
    enforcement: { status: 'enforcing' },
  });
}

export function handleAnthropicSpendLimits(res: ServerResponse, headers: Record<string, string>): void {
  if (!(headers['anthropic-beta'] ?? '').split(',').some((b) => b.trim() === ANTHROPIC_BETA))
    return sendError(res, 'anthropic', 400, `Listing spend limits requires the anthropic-beta header ${ANTHROPIC_BETA}`);
  const limit = (id: string, amount: string | null, scope: Record<string, unknown>) => ({
    type: 'spend_limit',
    id,
    amount,
    currency: 'USD',
    is_enabled: true,
    period: 'monthly',
    scope,
    created_at: CREATED,
    updated_at: CREATED,
  });
  sendJson(res, 200, {
    data: [
      limit('spl_01DemoTier', '2000000', { type: 'usage_tier' }),
      limit('spl_01DemoOrg', '600000', { type: 'organization' }),
      // A workspace without a numeric cap: "null means no numeric cap is configured at this scope".
      limit('spl_01DemoWorkspace', null, { type: 'workspace', workspace_id: 'wrkspc_01DemoProduction' }),
    ],
    has_more: false,
    next_page: null,
  });
}
