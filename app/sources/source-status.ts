/** What went wrong talking to a provider, in terms a user can act on. Never holds a key. */

export type FailureKind =
  | 'key-rejected' // 401/403: stop polling until the key changes
  | 'rate-limited' // 429: wait until retryAt
  | 'provider-down' // 5xx / 529
  | 'offline' // DNS, refused, reset
  | 'timeout'
  | 'bad-response'; // malformed, truncated, wrong shape, endless pagination

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

/** The failure an error stands for: a SourceError's own, or an unexpected error as a bad response. */
export function failureOf(error: unknown): SourceFailure {
  if (error instanceof SourceError) return error.failure;
  return { kind: 'bad-response', message: `unexpected error: ${error instanceof Error ? error.message : String(error)}` };
}

/** Anything that looks like an API key is cut out of provider text before we show or log it. */
export function redactSecrets(text: string): string {
  return text.replace(/sk-[A-Za-z0-9_-]{6,}/g, 'sk-…redacted');
}
