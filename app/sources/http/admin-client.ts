/**
 * What the Anthropic and OpenAI admin clients share: one session per refresh (its deadline and the
 * provider's clock), paged reports, plain reads with the same redaction and timeout, and reads that
 * some keys may not make. Each client adds only its headers, its page end and its endpoints.
 */
import type { PageProgress } from '../provider-sync.ts';
import { SourceError } from '../source-status.ts';
import { joinUrl } from './base-url.ts';
import { getJson } from './get-json.ts';
import { ClientSession, fetchReport, type ProviderClientOptions, type ReportRequest } from './report-pages.ts';

/** A read failed in a way that only means "this key cannot read that here" (403, 404). */
export function quietlyAbsent(error: unknown): boolean {
  return error instanceof SourceError && (error.failure.status === 403 || error.failure.status === 404);
}

/** The read's result, or `fallback` when this key may not make it; any other failure is thrown. */
export async function unlessAbsent<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (quietlyAbsent(error)) return fallback;
    throw error;
  }
}

export abstract class AdminClient {
  /** This client's refresh: its deadline and the provider's clock (Date header). */
  protected readonly session: ClientSession;

  constructor(protected readonly options: ProviderClientOptions) {
    this.session = new ClientSession(options.deadlineMs);
  }

  /** The provider's own clock at its latest response, so a day is closed only once it is over there too. */
  providerNow(): number | undefined {
    return this.session.providerNow;
  }

  protected abstract request(path: string, params: Array<[string, string]>): ReportRequest;

  /** The end (epoch ms) of a report page's last bucket, for resumable progress. */
  protected abstract pageEnd(data: unknown[]): number | undefined;

  protected report<T>(
    path: string,
    params: Array<[string, string]>,
    parse: (data: unknown[]) => T[],
    progress?: PageProgress<T>,
  ): Promise<T[]> {
    const onPage = progress && ((rows: T[], data: unknown[]) => progress(rows, this.pageEnd(data)));
    return fetchReport(this.request(path, params), parse, onPage);
  }

  /** One plain GET (a list, a limit), with the client's headers, deadline and key redaction. */
  protected async get(
    path: string,
    params: Array<[string, string]> = [],
    extraHeaders: Record<string, string> = {},
  ): Promise<unknown> {
    const request = this.request(path, params);
    const { body } = await getJson(joinUrl(request.baseUrl, request.path, params), {
      headers: { ...request.headers, ...extraHeaders },
      provider: request.provider,
      secrets: [request.key],
      timeoutMs: request.timeoutMs,
      now: request.now,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    return body;
  }
}
