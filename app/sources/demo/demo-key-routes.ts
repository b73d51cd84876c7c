/**
 * The admin APIs' key lists, answered from the simulated organization's keys (demo-api-keys.ts):
 * - Anthropic `GET /v1/organizations/api_keys`: `limit` 1–1000 (default 20), cursor `after_id`,
 *   filters `status` and `workspace_id`; `{ data, first_id, last_id, has_more }`
 *   (platform.claude.com/docs/en/api/admin/api_keys/list).
 * - OpenAI `GET /v1/organization/projects/{project_id}/api_keys`: `limit` 1–100 (default 20),
 *   cursor `after`; `{ object: "list", data, first_id, last_id, has_more }`, each key an
 *   `organization.project.api_key` with `redacted_value` (openai-node projects/api-keys.ts).
 *   `owner_project_access` "active" | "inactive" | "any" filters by whether the key's owner still
 *   has access to the project; omitted, "membership-based visibility rules … may exclude some
 *   enabled keys" (OpenAI API reference, projects api_keys list): here, keys whose owner left.
 * Deleted keys are not listed; an unknown project is a 404.
 */
import type { ServerResponse } from 'node:http';
import { DEMO_ANTHROPIC_KEYS, DEMO_OPENAI_KEYS, type DemoKey } from './demo-api-keys.ts';
import { sendError, sendJson } from './demo-http.ts';

function pageOf(
  keys: readonly DemoKey[],
  params: URLSearchParams,
  cursorName: string,
  max: number,
): { page: DemoKey[]; more: boolean } | string {
  const limit = Number(params.get('limit') ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) return `limit: must be an integer from 1 to ${max}`;
  const after = params.get(cursorName);
  const from = after === null ? 0 : keys.findIndex((k) => k.id === after) + 1;
  if (after !== null && from === 0) return `${cursorName}: no key ${after}`;
  return { page: keys.slice(from, from + limit), more: from + limit < keys.length };
}

export function handleAnthropicKeys(res: ServerResponse, params: URLSearchParams): void {
  const status = params.get('status');
  const workspace = params.get('workspace_id');
  const keys = DEMO_ANTHROPIC_KEYS.filter(
    (k) => k.listed && (status === null || k.status === status) && (workspace === null || k.scope === workspace),
  );
  const result = pageOf(keys, params, 'after_id', 1000);
  if (typeof result === 'string') return sendError(res, 'anthropic', 400, result);
  sendJson(res, 200, {
    data: result.page.map((k) => ({
      type: 'api_key',
      id: k.id,
      created_at: k.createdAt,
      created_by: { id: 'user_01DemoAdmin', type: 'user' },
      name: k.name,
      partial_key_hint: k.hint,
      status: k.status,
      workspace_id: k.scope,
    })),
    first_id: result.page[0]?.id ?? null,
    last_id: result.page.at(-1)?.id ?? null,
    has_more: result.more,
  });
}

export function handleOpenAiProjectKeys(res: ServerResponse, project: string, params: URLSearchParams): void {
  const access = params.get('owner_project_access');
  if (access !== null && !['active', 'inactive', 'any'].includes(access))
    return sendError(res, 'openai', 400, `owner_project_access: must be one of active, inactive, any`);
  const visible = (k: DemoKey) => access === 'any' || (access === 'inactive' ? k.ownerLeft === true : k.ownerLeft !== true);
  const keys = DEMO_OPENAI_KEYS.filter((k) => k.listed && k.scope === project && visible(k));
  if (!DEMO_OPENAI_KEYS.some((k) => k.scope === project)) return sendError(res, 'openai', 404, `No such project: ${project}`);
  const result = pageOf(keys, params, 'after', 100);
  if (typeof result === 'string') return sendError(res, 'openai', 400, result);
  const created = (k: DemoKey) => Math.floor(Date.parse(k.createdAt) / 1000);
  sendJson(res, 200, {
    object: 'list',
    data: result.page.map((k) => ({
      object: 'organization.project.api_key',
      id: k.id,
      name: k.name,
      redacted_value: k.hint,
      created_at: created(k),
      last_used_at: null,
      owner: {
        type: 'user',
        user: { id: 'user-DemoAdmin', name: 'Demo Admin', email: 'admin@example.com', role: 'owner', created_at: created(k) },
      },
    })),
    first_id: result.page[0]?.id ?? null,
    last_id: result.page.at(-1)?.id ?? null,
    has_more: result.more,
  });
}
