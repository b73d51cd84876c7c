/** What went wrong talking to a provider, in terms a user can act on. Never holds a key. */

export type FailureKind =
  | 'key-rejected' // 401/403, or a key that cannot be sent: stop polling until the key changes
  | 'rate-limited' // 429: wait until retryAt
  | 'provider-down' // 5xx / 529
  | 'offline' // DNS, refused, reset
  | 'timeout' // one request, or the whole refresh, ran past its deadline
  | 'misconfigured' // the base URL redirects elsewhere: fix the setting, never follow it with a key
  | 'local-failure' // our side: read-only or full disk, no permission, a date we cannot represent
  | 'bad-response'; // malformed, truncated, wrong shape, pagination that does not move forward

export interface SourceFailure {
  readonly kind: FailureKind;
  readonly message: string;
  readonly status?: number;
  readonly requestId?: string;
  /** When the provider said to retry (retry-after), as epoch ms. */
  readonly retryAt?: number;
}

export type SourceStateName = 'not-configured' | 'loading' | 'ok' | 'stale' | FailureKind;

/** A source's state as the popover, tray and CLI show it. */
export interface SourceState {
  readonly id: string;
  readonly state: SourceStateName;
  readonly message?: string;
  /** Last successful refresh, ISO-8601. */
  readonly lastSuccessAt?: string;
  readonly retryAt?: string;
  readonly requestId?: string;
}

export class SourceError extends Error {
  constructor(readonly failure: SourceFailure) {
    super(failure.message);
  }
}

/** Causes on our side of the wire, by errno code: the user fixes these, not the provider. */
const LOCAL_CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the folder is on a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
};

/** The failure an error stands for: a SourceError's own, a local fault by its cause, else a bad response. */
export function failureOf(error: unknown): SourceFailure {
  if (error instanceof SourceError) return error.failure;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const text = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && LOCAL_CAUSES[code]) {
    const path = (error as NodeJS.ErrnoException).path;
    return {
      kind: 'local-failure',
      message: `cannot save Spendbar's data${path ? ` in ${path}` : ''}: ${LOCAL_CAUSES[code]} (${code}); nothing stored was lost, fix this and it will retry`,
    };
  }
  if (error instanceof RangeError) {
    return {
      kind: 'local-failure',
      message: `a value is outside the range Spendbar can handle (${text}); kept the last good data`,
    };
  }
  return { kind: 'bad-response', message: `unexpected error: ${text}` };
}

const REDACTED = '…redacted';
/** The public prefixes of admin keys: what follows them is the secret part. */
const KEY_PREFIXES = /^(sk-ant-admin\d*-|sk-ant-api\d*-|sk-admin-|sk-proj-|sk-)/;

/** Every form in which a key could come back: itself, trimmed, URL-encoded, and its secret part alone. */
function secretForms(secret: string): string[] {
  const trimmed = secret.trim();
  const forms = [secret, trimmed, encodeURIComponent(trimmed), trimmed.replace(KEY_PREFIXES, '')];
  // Short fragments would cut ordinary words out of messages; a real key is far longer.
  return [...new Set(forms)].filter((f) => f.length >= 8).sort((a, b) => b.length - a.length);
}

/**
 * Cuts keys out of text before it is shown, stored or logged: the given secrets whatever their shape
 * (a server may echo the key in a message or a request-id header), and anything shaped like a key.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
  return out.replace(/sk-[A-Za-z0-9_-]{6,}/g, 'sk-…redacted');
}

/** The same failure with every text field redacted. */
export function redactFailure(failure: SourceFailure, secrets: readonly string[]): SourceFailure {
  return {
    ...failure,
    message: redactSecrets(failure.message, secrets),
    ...(failure.requestId === undefined ? {} : { requestId: redactSecrets(failure.requestId, secrets) }),
  };
}

/** "retrying at 10:42 UTC": one wording for the provider's message and the poller's clamped time. */
export function retryPhrase(at: number): string {
  return `retrying at ${new Date(at).toISOString().slice(11, 16)} UTC`;
}
