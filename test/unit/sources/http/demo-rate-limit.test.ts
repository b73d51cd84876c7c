/** The demo server's strict rate limit: every N-th request is a 429 with retry-after, as a real limit answers. */
import { afterEach, expect, it } from 'vitest';
import { AnthropicClient } from '../../../../app/sources/anthropic/anthropic-client.ts';
import { DEMO_ANTHROPIC_KEY, startDemoServer, type DemoServer } from '../../../../app/sources/demo/demo-server.ts';
import { SourceError } from '../../../../app/sources/source-status.ts';

const NOW = Date.parse('2026-11-25T12:30:00Z');
let server: DemoServer;
afterEach(() => server.close());

it('a 429 after N requests stops the report there and says when to retry', async () => {
  server = await startDemoServer({
    seed: 2,
    now: () => new Date(NOW),
    pageSize: 4,
    rateLimit: { every: 3, retryAfterSeconds: 90 },
  });
  const client = new AnthropicClient({ baseUrl: new URL(server.url), key: DEMO_ANTHROPIC_KEY, now: () => NOW });
  const error = await client.usage(Date.UTC(2026, 10, 24), Date.UTC(2026, 10, 25), '1h').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  const failure = (error as SourceError).failure;
  expect(failure).toMatchObject({ kind: 'rate-limited', status: 429, retryAt: NOW + 90_000 });
  expect(failure.message).toBe('Anthropic rate limited (429), retrying at 12:31 UTC');
  // Two pages of 4 buckets, then the third request was refused.
  expect(server.requests.count).toBe(3);
});
