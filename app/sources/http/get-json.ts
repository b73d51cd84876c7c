/**
 * One GET to a provider, turned into JSON or a SourceFailure the user can act on. The request's
 * headers (which carry the key) are never part of any message, a redirect is never followed with
 * them, and a body is read only up to a cap.
 */
import { readCapped } from './read-capped.ts';
import { retryAtFrom } from './retry-after.ts';
import { redactFailure, redactSecrets, retryPhrase, SourceError, type SourceFailure } from '../source-status.ts';

/** Far beyond any real report page (168 hourly buckets), far below what would strain memory. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface GetJsonOptions {
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
  readonly provider: string;
  readonly now: () => number;
  readonly signal?: AbortSignal;
  /** The key (and anything else secret): cut out of every message and header value we keep. */
  readonly secrets?: readonly string[];
  /** The setting that chose the base URL, named when the server redirects. */
  readonly baseUrlSetting?: string;
  /** Said instead of the per-request timeout message when the refresh's own deadline cut this request short. */
  readonly deadlineMessage?: string;
  readonly maxBodyBytes?: number;
}

function providerMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message.slice(0, 200);
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
    const when = retryAt ? retryPhrase(retryAt) : 'no retry-after given; this may be a spend cap';
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
  /** The provider's clock (its Date header), as epoch ms; undefined when absent or unreadable. */
  readonly serverDate: number | undefined;
}

/** Why fetch itself failed, with no header value in it (undici's header errors can quote them). */
function transportFailure(error: unknown, timeout: AbortSignal, options: GetJsonOptions): SourceFailure {
  if (timeout.aborted) {
    return {
      kind: 'timeout',
      message:
        options.deadlineMessage ??
        `${options.provider} did not answer within ${Math.round(options.timeoutMs / 1000)} s; will retry`,
    };
  }
  if (error instanceof TypeError && /ByteString|header/i.test(error.message)) {
    // A key with an invisible character or a typographic dash cannot be sent at all (RFC 9110 §5.5).
    return {
      kind: 'key-rejected',
      message: `the ${options.provider} key contains a character no API key has (an invisible space or a typographic dash?); paste it again from the console`,
    };
  }
  const cause =
    error instanceof Error && error.cause instanceof Error
      ? ` (${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message})`
      : '';
  return {
    kind: 'offline',
    message: `cannot reach ${options.provider}${cause}; showing the last data until the network is back`,
  };
}

/**
 * A kept-alive connection the server closed while we were busy: the GET is idempotent, so it is
 * sent once more on a fresh connection before the source is called offline.
 */
function staleConnection(error: unknown): boolean {
  const code = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined)?.code : undefined;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}

async function exchange(url: string, options: GetJsonOptions): Promise<JsonResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let response!: Response;
  let text: string | undefined;
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  for (let attempt = 0; ; attempt++) {
    try {
      // 'manual': fetch would otherwise follow a redirect with x-api-key to any host, even https → http.
      response = await fetch(url, { headers: options.headers, signal, redirect: 'manual' });
      text = await readCapped(response, maxBytes);
      break;
    } catch (error) {
      if (attempt === 0 && !signal.aborted && staleConnection(error)) continue;
      throw new SourceError(transportFailure(error, timeout, options));
    }
  }
  const requestId = response.headers.get('request-id') ?? response.headers.get('x-request-id') ?? undefined;
  const idText = requestId ? ` (request ${requestId})` : '';
  const fromRequest = requestId ? { requestId } : {};
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location') ?? 'an unnamed place';
    throw new SourceError({
      kind: 'misconfigured',
      status: response.status,
      ...fromRequest,
      message: `the ${options.provider} API answered with a redirect (${response.status}) to ${location.slice(0, 200)}; Spendbar does not send keys to redirects — check ${options.baseUrlSetting ?? 'the base URL'}`,
    });
  }
  if (text === undefined) {
    throw new SourceError({
      kind: 'bad-response',
      status: response.status,
      ...fromRequest,
      message: `${options.provider} sent a response larger than ${Math.round(maxBytes / 1024 / 1024)} MB${idText}, far beyond any report page; stopped reading it and kept the last good data`,
    });
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    if (response.ok) {
      throw new SourceError({
        kind: 'bad-response',
        status: response.status,
        ...fromRequest,
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
  const date = Date.parse(response.headers.get('date') ?? '');
  return { body, requestId, organization, serverDate: Number.isNaN(date) ? undefined : date };
}

/** The exchange with every secret cut out of what it returns or throws. */
export async function getJson(url: string, options: GetJsonOptions): Promise<JsonResponse> {
  const secrets = options.secrets ?? [];
  try {
    const response = await exchange(url, options);
    return response.requestId === undefined ? response : { ...response, requestId: redactSecrets(response.requestId, secrets) };
  } catch (error) {
    if (error instanceof SourceError) throw new SourceError(redactFailure(error.failure, secrets));
    throw error;
  }
}
