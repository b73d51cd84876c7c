/** Which time buckets one page of a report holds: width, limits, snapping, pagination, nothing after now. */
import { DAY_MS, HOUR_MS } from './demo-organization.ts';
import { decodePage, encodePage } from './demo-http.ts';

export interface BucketPage {
  readonly buckets: ReadonlyArray<readonly [number, number]>;
  readonly nextPage: string | null;
  /** A token that points at this same page: what a provider stuck in a pagination loop sends back. */
  readonly samePage: string;
}

export interface BucketRequest {
  readonly start: number;
  readonly end: number | undefined;
  readonly width: string;
  readonly limit: string | null;
  readonly page: string | null;
}

const WIDTHS: Record<string, { ms: number; defaultLimit: number; maxLimit: number }> = {
  '1d': { ms: DAY_MS, defaultLimit: 7, maxLimit: 31 },
  '1h': { ms: HOUR_MS, defaultLimit: 24, maxLimit: 168 },
};

/** The start of every hour in a bucket: the generator makes usage an hour at a time. */
export function hoursIn([start, end]: readonly [number, number]): number[] {
  const hours: number[] = [];
  for (let h = start; h < end; h += HOUR_MS) hours.push(h);
  return hours;
}

/** The page of buckets, or a message for a 400. */
export function bucketPage(
  request: BucketRequest,
  now: number,
  allowed: readonly string[],
  maxLimitOverride?: number,
): BucketPage | string {
  const width = WIDTHS[request.width];
  if (!width || !allowed.includes(request.width)) return `bucket_width must be one of ${allowed.join(', ')}`;
  const maxLimit = maxLimitOverride ?? width.maxLimit;
  const limit = request.limit === null ? width.defaultLimit : Number(request.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    return `limit must be an integer between 1 and ${maxLimit} for bucket_width=${request.width}`;
  let from = Math.floor(request.start / width.ms) * width.ms;
  if (request.page !== null) {
    const resumed = decodePage(request.page);
    if (resumed === undefined) return 'page is not a valid pagination token';
    from = resumed;
  }
  // Buckets that begin before the end bound and have begun by now; the current one is partial.
  const endBound = Math.min(request.end ?? Infinity, Math.floor(now / width.ms) * width.ms + width.ms);
  const buckets: Array<readonly [number, number]> = [];
  let cursor = from;
  while (cursor < endBound && buckets.length < limit) {
    buckets.push([cursor, cursor + width.ms]);
    cursor += width.ms;
  }
  return { buckets, nextPage: cursor < endBound ? encodePage(cursor) : null, samePage: encodePage(from) };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseRfc3339(value: string | null): number | undefined {
  if (value === null || !RFC3339.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** Sends one page of a report in the provider's envelope; a stuck provider repeats this page's cursor. */
export function pageEnvelope(
  provider: 'anthropic' | 'openai',
  data: unknown[],
  page: BucketPage,
  endless: boolean,
): Record<string, unknown> {
  const next = endless ? (page.nextPage ?? page.samePage) : page.nextPage;
  const envelope = { data, has_more: endless || page.nextPage !== null, next_page: next };
  return provider === 'openai' ? { object: 'page', ...envelope } : envelope;
}

/** "2026-11-01T00:00:00Z", as the Anthropic reports write bucket edges. */
export function rfc3339(time: number): string {
  return new Date(time).toISOString().replace('.000Z', 'Z');
}
