/**
 * Follows next_page to the end however short the pages are: `limit` is a maximum, not a promise
 * (Anthropic: "A page holds at most `limit` buckets"; OpenAI: "number of buckets per page"). The
 * guard against a server that never ends is progress, not a page count: every page must start
 * after the last bucket of the page before, a cursor never repeats, and a range cannot take more
 * pages than it holds buckets (+1 for a last, empty page).
 */
import { SourceError } from '../source-status.ts';
import { asArray, asBoolean, asObject, asOptionalString, ShapeError } from './json-shape.ts';

export interface Page {
  readonly data: unknown[];
  readonly requestId: string | undefined;
}

export interface PageGuard {
  /** The most pages the asked range can take: its bucket count + 1. */
  readonly maxPages: number;
  /** A bucket's start (epoch ms); throws ShapeError when it has none. */
  readonly bucketStart: (bucket: unknown, path: string) => number;
  /** Checked before each page: throws when the refresh has run out of time. */
  readonly beforePage?: (pagesSoFar: number) => void;
}

type FetchPage = (page: string | undefined) => Promise<{ body: unknown; requestId: string | undefined }>;

function stop(provider: string, requestId: string | undefined, what: string): SourceError {
  return new SourceError({
    kind: 'bad-response',
    ...(requestId ? { requestId } : {}),
    message: `${provider} ${what}${requestId ? ` (request ${requestId})` : ''}; stopped and kept the last good data`,
  });
}

export async function collectPages(provider: string, fetchPage: FetchPage, guard: PageGuard): Promise<Page[]> {
  const pages: Page[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  let lastStart = -Infinity;
  for (;;) {
    guard.beforePage?.(pages.length);
    const { body, requestId } = await fetchPage(cursor);
    let next: string | null;
    let hasMore: boolean;
    let starts: number[];
    try {
      const doc = asObject(body, 'response');
      const data = asArray(doc.data, 'data');
      starts = data.map((bucket, i) => guard.bucketStart(bucket, `data[${i}]`));
      pages.push({ data, requestId });
      hasMore = asBoolean(doc.has_more, 'has_more');
      next = asOptionalString(doc.next_page, 'next_page');
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      throw stop(provider, requestId, `sent an unexpected response: ${error.message}`);
    }
    const first = starts[0];
    if (first !== undefined && first <= lastStart) {
      throw stop(
        provider,
        requestId,
        `sent a page that does not move forward (page ${pages.length} starts at ${new Date(first).toISOString()}, not after ${new Date(lastStart).toISOString()})`,
      );
    }
    lastStart = Math.max(lastStart, ...starts);
    if (!hasMore || next === null) return pages;
    if (seen.has(next)) throw stop(provider, requestId, `repeated a page cursor (next_page "${next.slice(0, 40)}")`);
    if (pages.length >= guard.maxPages) {
      throw stop(provider, requestId, `kept saying has_more after ${pages.length} pages, more than the range has buckets`);
    }
    seen.add(next);
    cursor = next;
  }
}
