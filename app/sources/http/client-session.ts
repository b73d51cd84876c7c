/**
 * What one client (one refresh) keeps across its requests: an overall deadline, so a server that
 * pages slowly forever cannot hold a refresh open, and the provider's own clock from its Date
 * header, so a day is closed only when it is over for the provider too.
 */
import { SourceError } from '../source-status.ts';

/** Long enough for a first sync of two months of hourly history on a slow link; short enough to notice. */
export const DEFAULT_DEADLINE_MS = 120_000;

export class ClientSession {
  private readonly startedAt = performance.now();
  private serverDate: number | undefined;

  constructor(readonly deadlineMs = DEFAULT_DEADLINE_MS) {}

  /** The provider's clock at its latest response (epoch ms), or undefined before any response. */
  get providerNow(): number | undefined {
    return this.serverDate;
  }

  sawServerDate(date: number | undefined): void {
    if (date !== undefined) this.serverDate = Math.max(this.serverDate ?? -Infinity, date);
  }

  private remainingMs(): number {
    return this.deadlineMs - (performance.now() - this.startedAt);
  }

  private message(provider: string, pages?: number): string {
    const where = pages === undefined ? '' : ` with more pages still coming after ${pages}`;
    return `${provider} refresh stopped after ${Math.round(this.deadlineMs / 1000)} s${where}; the data stored so far is kept and the next refresh continues from there`;
  }

  /** Throws a timeout failure when the refresh has used its time. */
  checkDeadline(provider: string, pagesSoFar: number): void {
    if (this.remainingMs() <= 0) throw new SourceError({ kind: 'timeout', message: this.message(provider, pagesSoFar) });
  }

  /** The next request's timeout: its own, or less when the refresh's deadline comes first. */
  requestTimeout(provider: string, timeoutMs: number): { timeoutMs: number; deadlineMessage?: string } {
    const remaining = Math.max(1, Math.floor(this.remainingMs()));
    return remaining < timeoutMs ? { timeoutMs: remaining, deadlineMessage: this.message(provider) } : { timeoutMs };
  }
}
