/**
 * The key-list parsers against the vendors' own documented responses, not our demo server's:
 * - Anthropic: the "Returns Examples" of platform.claude.com/docs/en/api/resources/admin/
 *   subresources/api_keys/methods/list (note its placeholder cursors "first_id"/"last_id").
 * - OpenAI: the ProjectAPIKey fields of the API reference (projects/{project_id}/api_keys list):
 *   object "organization.project.api_key", redacted_value, owner { type, user | service_account },
 *   owner_project_access, last_used_at null, expires_at.
 */
import { describe, expect, it } from 'vitest';
import { allPages, parseAnthropicKeyPage, parseOpenAiKeyPage } from '../../../app/sources/api-key-names.ts';
import { parseUsageBuckets } from '../../../app/sources/anthropic/anthropic-parse.ts';

const ANTHROPIC_DOC_EXAMPLE = {
  data: [
    {
      id: 'apikey_01Rj2N8SVvo6BePZj99NhmiT',
      created_at: '2024-10-30T23:58:27.427722Z',
      created_by: { id: 'user_01WCz1FkmYMm4gnmykNKUu3Q', type: 'user' },
      name: 'Developer Key',
      partial_key_hint: 'sk-ant-api03-R2D...igAA',
      status: 'active',
      type: 'api_key',
      workspace_id: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
    },
  ],
  first_id: 'first_id',
  has_more: true,
  last_id: 'last_id',
};

const OPENAI_DOC_SHAPE = {
  object: 'list',
  data: [
    {
      object: 'organization.project.api_key',
      id: 'key_abc',
      name: 'My API Key',
      redacted_value: 'sk-abc...def',
      created_at: 1711471533,
      last_used_at: null,
      expires_at: null,
      owner_project_access: 'inactive',
      owner: {
        type: 'service_account',
        service_account: { id: 'svc_acct_abc', name: 'CI', created_at: 1711471533, role: 'owner' },
      },
    },
  ],
  first_id: 'key_abc',
  last_id: 'key_abc',
  has_more: false,
};

describe('API key lists as the vendors document them', () => {
  it('Anthropic: id, name, the hint cut to its tail, the status; more pages after last_id', () => {
    expect(parseAnthropicKeyPage(ANTHROPIC_DOC_EXAMPLE)).toEqual({
      keys: [
        { source: 'anthropic', id: 'apikey_01Rj2N8SVvo6BePZj99NhmiT', name: 'Developer Key', hint: '…igAA', status: 'active' },
      ],
      next: 'last_id',
    });
  });

  it('OpenAI: a service-account key whose owner has no project access is still a named, listed key', () => {
    expect(parseOpenAiKeyPage(OPENAI_DOC_SHAPE)).toEqual({
      keys: [{ source: 'openai', id: 'key_abc', name: 'My API Key', hint: '…def', status: 'active' }],
      next: undefined,
    });
  });

  it('a last page may carry null cursors (the list schema types first_id and last_id as string or null)', () => {
    const last = { ...ANTHROPIC_DOC_EXAMPLE, has_more: false, first_id: null, last_id: null };
    expect(parseAnthropicKeyPage(last).next).toBeUndefined();
  });

  it('a list whose cursor does not move ends instead of looping', async () => {
    let calls = 0;
    const keys = await allPages(async () => {
      calls++;
      return parseAnthropicKeyPage(ANTHROPIC_DOC_EXAMPLE); // always has_more, always the same last_id
    });
    expect(calls).toBe(2);
    expect(new Set(keys.map((k) => k.id))).toEqual(new Set(['apikey_01Rj2N8SVvo6BePZj99NhmiT']));
  });
});

describe('usage buckets grouped by api_key_id as the Anthropic reference shows them', () => {
  // ../shared/reference/anthropic-admin-api.md, example (a), from the 2025 usage report reference;
  // the second result is Workbench usage: "api_key_id will be null even when grouping by that dimension".
  const result = {
    uncached_input_tokens: 1500,
    cache_creation: { ephemeral_1h_input_tokens: 1000, ephemeral_5m_input_tokens: 500 },
    cache_read_input_tokens: 200,
    output_tokens: 500,
    server_tool_use: { web_search_requests: 10 },
    api_key_id: 'apikey_01Rj2N8SVvo6BePZj99NhmiT',
    workspace_id: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
    model: 'claude-sonnet-4-20250514',
    service_tier: 'standard',
    context_window: '0-200k',
  };
  const bucket = {
    starting_at: '2025-08-01T00:00:00Z',
    ending_at: '2025-08-02T00:00:00Z',
    results: [result, { ...result, api_key_id: null }],
  };

  it('keeps the key id, and Workbench usage as an explicit null (no key), not as "not reported"', () => {
    const rows = parseUsageBuckets([bucket], '1d');
    expect(rows.map((r) => r.apiKey)).toEqual(['apikey_01Rj2N8SVvo6BePZj99NhmiT', null]);
    expect(rows.map((r) => r.inputTokens)).toEqual([1500, 1500]);
  });
});
