/**
 * One GET to a provider, turned into JSON or a SourceFailure the user can act on. The request's
 * headers (which carry the key) are never part of any message.
 */
import { redactSecrets, SourceError, type SourceFailure } from '../source-status.ts';

export interface GetJsonOptions {
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
  readonly provider: string;
  readonly now: () => number;
  readonly signal?: AbortSignal;
}

function retryAtFrom(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return now + seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : date;
}

function providerMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return redactSecrets((error as { message: string }).message).slice(0, 200);
  }
  return undefined;
}

function failureFor(
  status: number,
  provider: string,
  body: unknown,
  requestId: string | undefined,
  retryAt: number | undefined,
): SourceFailure {
  const detail = providerMessage(body);
  const said = detail ? `: ${detail}` : '';
  const id = requestId ? { requestId } : {};
  if (status === 401)
    return {
      kind: 'key-rejected',
      status,
      ...id,
      message: `${provider} admin key rejected (401)${said}. Update the key in Settings.`,
    };
  if (status === 403)
    return {
      kind: 'key-rejected',
      status,
      ...id,
      message: `${provider} key lacks admin permission (403)${said}. Use an Admin key.`,
    };
  if (status === 429) {
    const when = retryAt
      ? `retrying at ${new Date(retryAt).toISOString().slice(11, 16)} UTC`
      : 'no retry-after given; this may be a spend cap';
    return {
      kind: 'rate-limited',
      status,
      ...id,
      ...(retryAt ? { retryAt } : {}),
      message: `${provider} rate limited (429), ${when}`,
    };
  }
  if (status >= 500)
    return {
      kind: 'provider-down',
      status,
      ...id,
      message: `${provider} is having trouble (${status})${said}; retrying with backoff`,
    };
  return { kind: 'bad-response', status, ...id, message: `${provider} refused the request (${status})${said}` };
}

export interface JsonResponse {
  readonly body: unknown;
  readonly requestId: string | undefined;
  /** The organization the key belongs to, from the provider's response headers. */
  readonly organization: string | undefined;
}

export async function getJson(url: string, options: GetJsonOptions): Promise<JsonResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { headers: options.headers, signal });
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) {
      throw new SourceError({
        kind: 'timeout',
        message: `${options.provider} did not answer within ${Math.round(options.timeoutMs / 1000)} s; will retry`,
      });
    }
    const cause =
      error instanceof Error && error.cause instanceof Error
        ? ` (${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message})`
        : '';
    throw new SourceError({
      kind: 'offline',
      message: `cannot reach ${options.provider}${cause}; showing the last data until the network is back`,
    });
  }
  const requestId = response.headers.get('request-id') ?? response.headers.get('x-request-id') ?? undefined;
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    if (response.ok) {
      const idText = requestId ? ` (request ${requestId})` : '';
      throw new SourceError({
        kind: 'bad-response',
        status: response.status,
        ...(requestId ? { requestId } : {}),
        message: `${options.provider} sent a response that is not valid JSON${idText}; kept the last good data`,
      });
    }
  }
  if (!response.ok)
    throw new SourceError(
      failureFor(
        response.status,
        options.provider,
        body,
        requestId,
        retryAtFrom(response.headers.get('retry-after'), options.now()),
      ),
    );
  const organization =
    response.headers.get('anthropic-organization-id') ?? response.headers.get('openai-organization') ?? undefined;
  return { body, requestId, organization };
}
