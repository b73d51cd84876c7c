/**
 * One admin report, every page, each page parsed: shared by the Anthropic and OpenAI clients. A page
 * whose contents do not have the documented shape becomes a bad-response failure naming the request;
 * buckets outside the asked range are dropped, so a server that sends them cannot add them twice.
 */
import { SourceError } from '../source-status.ts';
import { joinUrl } from './base-url.ts';
import { ClientSession } from './client-session.ts';
import { getJson } from './get-json.ts';
import { ShapeError } from './json-shape.ts';
import { collectPages, type PageGuard } from './paginate.ts';
import { bucketStartOf, rangeOf, type AskedRange } from './report-range.ts';

export { ClientSession };

export interface ReportRequest {
  readonly provider: 'Anthropic' | 'OpenAI';
  readonly baseUrl: URL;
  readonly path: string;
  readonly params: ReadonlyArray<[string, string]>;
  readonly headers: Record<string, string>;
  readonly now: () => number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** The key, cut out of every message. */
  readonly key: string;
  readonly session: ClientSession;
}

/** What both admin clients are made with. */
export interface ProviderClientOptions {
  readonly baseUrl: URL;
  readonly key: string;
  readonly now: () => number;
  readonly timeoutMs?: number;
  /** The whole refresh (every page of every report this client fetches); default 2 minutes. */
  readonly deadlineMs?: number;
  readonly userAgent?: string;
  readonly signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const SETTINGS = { Anthropic: 'SPENDBAR_ANTHROPIC_BASE_URL', OpenAI: 'SPENDBAR_OPENAI_BASE_URL' } as const;

/** One report request of a provider's client: its auth headers, the options' URL, clock, timeout and signal. */
export function reportRequest(
  provider: ReportRequest['provider'],
  options: ProviderClientOptions,
  session: ClientSession,
  headers: Record<string, string>,
  path: string,
  params: ReadonlyArray<[string, string]>,
): ReportRequest {
  const { baseUrl, now, signal, key } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return { provider, baseUrl, path, params, headers, now, signal, key, session, timeoutMs };
}

/**
 * Called with each page's parsed rows as soon as the page arrives (before the next is asked for), so
 * a caller can keep what a long report delivered even when a later page fails.
 */
export type OnPage<T> = (rows: T[], data: unknown[]) => void;

export async function fetchReport<T>(request: ReportRequest, parse: (data: unknown[]) => T[], onPage?: OnPage<T>): Promise<T[]> {
  return (await fetchReportWithOrganization(request, parse, onPage)).rows;
}

function guardFor(request: ReportRequest, range: AskedRange): PageGuard {
  return {
    maxPages: range.buckets + 1,
    bucketStart: bucketStartOf(request.provider),
    beforePage: (pages) => request.session.checkDeadline(request.provider, pages),
  };
}

/** The report and the organization the key belongs to (for "Test key"). */
export async function fetchReportWithOrganization<T>(
  request: ReportRequest,
  parse: (data: unknown[]) => T[],
  onPage?: OnPage<T>,
): Promise<{ rows: T[]; organization: string | undefined }> {
  let organization: string | undefined;
  const range = rangeOf(request.params, request.now());
  const { session } = request;
  const start = bucketStartOf(request.provider);
  const parsed: T[][] = [];
  // Each page is parsed as it arrives (buckets outside the asked range dropped); a page that is not
  // even a list is left to collectPages to name.
  const parsePage = (data: unknown[], requestId: string | undefined): T[] => {
    try {
      const kept = data.filter((bucket, i) => range.holds(start(bucket, `data[${i}]`)));
      const rows = parse(kept);
      onPage?.(rows, kept);
      return rows;
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      const id = requestId ? ` (request ${requestId})` : '';
      throw new SourceError({
        kind: 'bad-response',
        ...(requestId ? { requestId } : {}),
        message: `${request.provider} sent an unexpected report: ${error.message}${id}; kept the last good data`,
      });
    }
  };
  const pages = await collectPages(
    request.provider,
    async (page) => {
      const response = await getJson(
        joinUrl(request.baseUrl, request.path, page ? [...request.params, ['page', page]] : [...request.params]),
        {
          headers: request.headers,
          provider: request.provider,
          now: request.now,
          secrets: [request.key],
          baseUrlSetting: SETTINGS[request.provider],
          ...session.requestTimeout(request.provider, request.timeoutMs),
          ...(request.signal ? { signal: request.signal } : {}),
        },
      );
      organization ??= response.organization;
      session.sawServerDate(response.serverDate);
      const data = (response.body as { data?: unknown } | undefined)?.data;
      if (Array.isArray(data)) parsed.push(parsePage(data, response.requestId));
      return response;
    },
    guardFor(request, range),
  );
  if (parsed.length !== pages.length) throw new Error('a report page was not parsed');
  return { rows: parsed.flat(), organization };
}
