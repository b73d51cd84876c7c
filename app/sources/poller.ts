/**
 * One polling loop per source: one request in flight, a steady interval, exponential backoff with
 * jitter on failure, the provider's retry-after honoured, and a debounced "refresh now". A rejected
 * key stops the loop until the key changes: retrying a revoked key only earns more 401s.
 */
import { clampRetryAt } from './http/retry-after.ts';
import { failureOf, retryPhrase, type SourceState } from './source-status.ts';

export interface PollerOptions {
  readonly id: string;
  readonly refresh: (signal: AbortSignal) => Promise<void>;
  readonly intervalMs: number;
  readonly now: () => number;
  readonly onState: (state: SourceState) => void;
  /** First retry after a failure; doubles up to the interval. */
  readonly firstRetryMs?: number;
  readonly debounceMs?: number;
  readonly random?: () => number;
}

export class SourcePoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private failures = 0;
  private stopped = true;
  private blockedByKey = false;
  private lastSuccessAt: number | undefined;
  private current: SourceState;

  constructor(private readonly options: PollerOptions) {
    this.current = { id: options.id, state: 'loading' };
  }

  get state(): SourceState {
    return this.current;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops cleanly: no new request, the one in flight is aborted and awaited. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.debounce);
    this.abort?.abort();
    await this.inFlight?.catch(() => undefined);
  }

  /** Popover opened, computer woke, network came back: refresh soon, once, however often asked. */
  refreshNow(): void {
    if (this.stopped || this.blockedByKey) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      if (!this.inFlight) this.schedule(0);
    }, this.options.debounceMs ?? 1_000);
  }

  /** The user saved a new key: try again right away. */
  keyChanged(): void {
    this.blockedByKey = false;
    this.failures = 0;
    if (!this.stopped) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.runOnce(), Math.max(0, delayMs));
  }

  /** One refresh now, unless one is already running (then wait for that one). */
  runOnce(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.abort = new AbortController();
    this.inFlight = this.options
      .refresh(this.abort.signal)
      .then(
        () => this.succeeded(),
        (error: unknown) => this.failed(error),
      )
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private emit(state: SourceState): void {
    this.current = state;
    this.options.onState(state);
  }

  private succeeded(): void {
    this.failures = 0;
    this.lastSuccessAt = this.options.now();
    this.emit({ id: this.options.id, state: 'ok', lastSuccessAt: new Date(this.lastSuccessAt).toISOString() });
    this.schedule(this.options.intervalMs);
  }

  private failed(error: unknown): void {
    if (this.stopped) return;
    const failure = failureOf(error);
    this.failures++;
    const last = this.lastSuccessAt === undefined ? {} : { lastSuccessAt: new Date(this.lastSuccessAt).toISOString() };
    const now = this.options.now();
    // The provider's retry-after, but never sooner than our backoff floor (retry-after: 0 must not
    // become a tight loop) nor later than a few hours (setTimeout fires at once beyond 2^31-1 ms).
    const retryAt = failure.retryAt === undefined ? now + this.backoffMs() : clampRetryAt(failure.retryAt, now, this.floorMs());
    this.emit({
      id: this.options.id,
      state: failure.kind,
      // The message shows the time we will really retry at, not the one the header asked for.
      message: failure.message.replace(/retrying at \d\d:\d\d UTC/, retryPhrase(retryAt)),
      ...last,
      ...(failure.kind === 'key-rejected' ? {} : { retryAt: new Date(retryAt).toISOString() }),
      ...(failure.requestId ? { requestId: failure.requestId } : {}),
    });
    if (failure.kind === 'key-rejected') {
      this.blockedByKey = true;
      return;
    }
    this.schedule(retryAt - this.options.now());
  }

  private floorMs(): number {
    return this.options.firstRetryMs ?? 15_000;
  }

  /** 15 s, 30 s, 60 s, … capped at the interval, with jitter so many clients do not retry in step. */
  private backoffMs(): number {
    const first = this.floorMs();
    const base = Math.min(this.options.intervalMs, first * 2 ** (this.failures - 1));
    return Math.round(base * (0.5 + 0.5 * (this.options.random ?? Math.random)()));
  }
}
