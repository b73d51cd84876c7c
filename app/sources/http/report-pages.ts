/**
 * One admin report, every page, each page parsed: shared by the Anthropic and OpenAI clients. A page
 * whose contents do not have the documented shape becomes a bad-response failure naming the request.
 */
import { SourceError } from '../source-status.ts';
import { joinUrl } from './base-url.ts';
import { getJson } from './get-json.ts';
import { ShapeError } from './json-shape.ts';
import { collectPages } from './paginate.ts';

export interface ReportRequest {
  readonly provider: 'Anthropic' | 'OpenAI';
  readonly baseUrl: URL;
  readonly path: string;
  readonly params: ReadonlyArray<[string, string]>;
  readonly headers: Record<string, string>;
  readonly now: () => number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/** What both admin clients are made with. */
export interface ProviderClientOptions {
  readonly baseUrl: URL;
  readonly key: string;
  readonly now: () => number;
  readonly timeoutMs?: number;
  readonly userAgent?: string;
  readonly signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** One report request of a provider's client: its auth headers, the options' URL, clock, timeout and signal. */
export function reportRequest(
  provider: ReportRequest['provider'],
  options: ProviderClientOptions,
  headers: Record<string, string>,
  path: string,
  params: ReadonlyArray<[string, string]>,
): ReportRequest {
  const { baseUrl, now, signal } = options;
  return { provider, baseUrl, path, params, headers, now, signal, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
}

export async function fetchReport<T>(request: ReportRequest, parse: (data: unknown[]) => T[]): Promise<T[]> {
  return (await fetchReportWithOrganization(request, parse)).rows;
}

/** The report and the organization the key belongs to (for "Test key"). */
export async function fetchReportWithOrganization<T>(
  request: ReportRequest,
  parse: (data: unknown[]) => T[],
): Promise<{ rows: T[]; organization: string | undefined }> {
  let organization: string | undefined;
  const pages = await collectPages(request.provider, (page) =>
    getJson(joinUrl(request.baseUrl, request.path, page ? [...request.params, ['page', page]] : [...request.params]), {
      headers: request.headers,
      provider: request.provider,
      timeoutMs: request.timeoutMs,
      now: request.now,
      ...(request.signal ? { signal: request.signal } : {}),
    }).then((response) => {
      organization ??= response.organization;
      return response;
    }),
  );
  const rows = pages.flatMap((page) => {
    try {
      return parse(page.data);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      const id = page.requestId ? ` (request ${page.requestId})` : '';
      throw new SourceError({
        kind: 'bad-response',
        ...(page.requestId ? { requestId: page.requestId } : {}),
        message: `${request.provider} sent an unexpected report: ${error.message}${id}; kept the last good data`,
      });
    }
  });
  return { rows, organization };
}
