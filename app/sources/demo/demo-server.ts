/**
 * The simulated organization over real HTTP on 127.0.0.1: both admin APIs and OpenRouter, their auth headers,
 * error bodies and pagination, plus fault injection. Clients cannot tell it from the real service.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleAnthropicCost, handleAnthropicUsage } from './demo-anthropic-routes.ts';
import { FaultQueue, type Fault, type DemoProvider } from './demo-faults.ts';
import { echoKey, hugeBody, widenRange } from './demo-hostile.ts';
import { sendError } from './demo-http.ts';
import { handleOpenAiCompletions, handleOpenAiCosts } from './demo-openai-routes.ts';
import { DEMO_OPENROUTER_KEY, DEMO_OPENROUTER_MANAGEMENT_KEY, DemoOpenRouter } from './demo-openrouter.ts';
import { DemoOrganization } from './demo-organization.ts';
import { handleAnthropicSpendLimits, handleOpenAiSpendLimit } from './demo-spend-limits.ts';
import { handleAnthropicKeys, handleOpenAiProjectKeys } from './demo-key-routes.ts';
import type { ScenarioName } from './demo-scenarios.ts';
import type { DemoPriceChange } from './demo-price-changes.ts';

/** The keys the simulated organization accepts. They are demo values, not secrets. */
export const DEMO_ANTHROPIC_KEY = 'sk-ant-admin01-demo-spendbar-0000000000';
export const DEMO_OPENAI_KEY = 'sk-admin-demo-spendbar-0000000000';

export interface DemoServerOptions {
  readonly port?: number;
  readonly seed?: number;
  readonly scenario?: ScenarioName;
  readonly now?: () => Date;
  readonly anthropicKeys?: readonly string[];
  readonly openaiKeys?: readonly string[];
  /**
   * At most this many buckets per page, whatever `limit` asks: both specs make `limit` a maximum
   * ("A page holds at most `limit` buckets"), so a client must finish with pages of 1.
   */
  readonly pageSize?: number;
  /** Every `every`-th API request gets a 429, with retry-after when given (a strict rate limit). */
  readonly rateLimit?: { readonly every: number; readonly retryAfterSeconds?: number };
  /** Bill some model and kind at another rate than our catalog from a day on (issue 13's acceptance). */
  readonly priceChanges?: readonly DemoPriceChange[];
  /** A leaked key spends in the simulated present (see DemoOptions.leakedKey); off by default. */
  readonly leakedKey?: boolean;
}

export interface DemoServer {
  readonly url: string;
  readonly org: DemoOrganization;
  /** The OpenRouter stand-in served on the same port (its own totals, for tests). */
  readonly openRouter: DemoOpenRouter;
  readonly requests: { count: number; byPath: Map<string, number> };
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Replace the accepted keys (a key rotation or revocation at the provider). */
  setKeys(provider: DemoProvider, keys: readonly string[]): void;
  close(): Promise<void>;
}

function authorized(req: IncomingMessage, provider: DemoProvider, keys: readonly string[]): 'ok' | 'unauthorized' | 'forbidden' {
  const presented = provider === 'anthropic' ? req.headers['x-api-key'] : req.headers.authorization?.replace(/^Bearer\s+/i, '');
  if (typeof presented !== 'string' || presented === '') return 'unauthorized';
  if (keys.includes(presented)) return 'ok';
  // A well-formed key without admin rights is refused with 403, an unknown or revoked one with 401.
  const adminPrefix = provider === 'anthropic' ? 'sk-ant-admin' : 'sk-admin-';
  return presented.startsWith(adminPrefix) ? 'unauthorized' : 'forbidden';
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const seed = options.seed ?? 1;
  const org = new DemoOrganization({
    seed,
    scenario: options.scenario ?? 'steady',
    now: options.now ?? (() => new Date()),
    ...(options.priceChanges ? { priceChanges: options.priceChanges } : {}),
    ...(options.leakedKey ? { leakedKey: true } : {}),
  });
  const faults = new FaultQueue();
  // OpenRouter on the same port, under its own /api/v1/ paths (see demo-openrouter.ts).
  const openRouter = new DemoOpenRouter(seed, options.now ?? (() => new Date()));
  const keys: Record<DemoProvider, readonly string[]> = {
    anthropic: options.anthropicKeys ?? [DEMO_ANTHROPIC_KEY],
    openai: options.openaiKeys ?? [DEMO_OPENAI_KEY],
  };
  const requests = { count: 0, byPath: new Map<string, number>() };
  let apiRequests = 0;
  const sockets = new Set<Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The provider's own clock, as real responses carry it (RFC 9110 §6.6.1): the client closes a
    // day only when it is over by this clock too.
    res.setHeader('date', new Date(org.now()).toUTCString());
    requests.count++;
    requests.byPath.set(url.pathname, (requests.byPath.get(url.pathname) ?? 0) + 1);
    if (openRouter.handle(req, res, url, { plain: [DEMO_OPENROUTER_KEY], management: [DEMO_OPENROUTER_MANAGEMENT_KEY] })) return;
    const provider: DemoProvider | undefined = url.pathname.startsWith('/v1/organizations/')
      ? 'anthropic'
      : url.pathname.startsWith('/v1/organization/')
        ? 'openai'
        : undefined;
    if (!provider || req.method !== 'GET')
      return sendError(res, provider ?? 'anthropic', 404, `No route for ${req.method} ${url.pathname}`);
    if (provider === 'anthropic' && req.headers['anthropic-version'] !== '2023-06-01') {
      return sendError(res, 'anthropic', 400, 'anthropic-version header is required (2023-06-01)');
    }
    const auth = authorized(req, provider, keys[provider]);
    if (auth !== 'ok') {
      return sendError(
        res,
        provider,
        auth === 'forbidden' ? 403 : 401,
        auth === 'forbidden' ? 'This key does not have permission to use the Admin API; use an Admin key.' : 'invalid x-api-key',
      );
    }
    apiRequests++;
    if (options.rateLimit && apiRequests % options.rateLimit.every === 0) {
      const after = options.rateLimit.retryAfterSeconds;
      return sendError(res, provider, 429, 'Rate limited', after === undefined ? {} : { 'retry-after': String(after) });
    }
    if (options.pageSize !== undefined) {
      const asked = Number(url.searchParams.get('limit') ?? options.pageSize);
      url.searchParams.set('limit', String(Math.min(asked, options.pageSize)));
    }
    const fault = faults.take(provider);
    if (fault) {
      switch (fault.kind) {
        case 'unauthorized':
          return sendError(res, provider, 401, 'invalid x-api-key');
        case 'forbidden':
          return sendError(res, provider, 403, 'This key does not have permission to use the Admin API');
        case 'rate-limit':
          return sendError(
            res,
            provider,
            429,
            'Rate limited',
            fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) },
          );
        case 'server-error':
          return sendError(res, provider, 500, 'Internal server error');
        case 'overloaded':
          return sendError(res, provider, 529, 'Overloaded');
        case 'timeout':
          return; // Hold the request open until the client gives up.
        case 'slow':
          await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2_000));
          break;
        case 'malformed':
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end('<html>502 Bad Gateway</html>');
        case 'truncated':
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end('{"data":[{"starting_at":"2026-11-01T00:00:00Z","results":[{"uncached_input');
        case 'wrong-shape':
          return res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ data: 'not a list', has_more: false }));
        case 'endless-pagination':
          break;
        case 'redirect':
          res.writeHead(307, { location: fault.location ?? 'http://127.0.0.1:9/' });
          return res.end();
        case 'echo-key':
          return echoKey(req, res, provider);
        case 'huge-body':
          return hugeBody(res);
        case 'out-of-range':
          widenRange(url.searchParams, provider);
          break;
      }
    }
    const endless = fault?.kind === 'endless-pagination';
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    switch (url.pathname) {
      case '/v1/organizations/usage_report/messages':
        return handleAnthropicUsage(res, url.searchParams, org, endless, headers);
      case '/v1/organizations/cost_report':
        return handleAnthropicCost(res, url.searchParams, org, endless);
      case '/v1/organization/usage/completions':
        return handleOpenAiCompletions(res, url.searchParams, org, endless);
      case '/v1/organization/costs':
        return handleOpenAiCosts(res, url.searchParams, org, endless, seed);
      case '/v1/organizations/spend_limits':
        return handleAnthropicSpendLimits(res, headers);
      case '/v1/organizations/api_keys':
        return handleAnthropicKeys(res, url.searchParams);
      default: {
        const project = /^\/v1\/organization\/projects\/([^/]+)\/api_keys$/.exec(url.pathname);
        if (project) return handleOpenAiProjectKeys(res, decodeURIComponent(project[1]!), url.searchParams);
        if (url.pathname === '/v1/organization/spend_limit' || url.pathname.endsWith('/spend_limit'))
          return handleOpenAiSpendLimit(res, url.pathname);
        return sendError(res, provider, 404, `No route for ${url.pathname}`);
      }
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, 'anthropic', 500, `demo server error: ${String(error)}`));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    org,
    openRouter,
    requests,
    injectFault: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    setKeys: (provider, next) => {
      keys[provider] = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
