/** Follows next_page to the end, refusing a cursor that repeats or a report that never ends. */
import { SourceError } from '../source-status.ts';
import { asArray, asBoolean, asObject, asOptionalString, ShapeError } from './json-shape.ts';

export const MAX_PAGES = 200;

export interface Page {
  readonly data: unknown[];
  readonly requestId: string | undefined;
}

export async function collectPages(
  provider: string,
  fetchPage: (page: string | undefined) => Promise<{ body: unknown; requestId: string | undefined }>,
): Promise<Page[]> {
  const pages: Page[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const { body, requestId } = await fetchPage(cursor);
    let next: string | null;
    let hasMore: boolean;
    try {
      const doc = asObject(body, 'response');
      pages.push({ data: asArray(doc.data, 'data'), requestId });
      hasMore = asBoolean(doc.has_more, 'has_more');
      next = asOptionalString(doc.next_page, 'next_page');
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      throw new SourceError({
        kind: 'bad-response',
        ...(requestId ? { requestId } : {}),
        message: `${provider} sent an unexpected response: ${error.message}${requestId ? ` (request ${requestId})` : ''}; kept the last good data`,
      });
    }
    if (!hasMore || next === null) return pages;
    if (seen.has(next)) {
      throw new SourceError({
        kind: 'bad-response',
        ...(requestId ? { requestId } : {}),
        message: `${provider} pagination repeated the same next_page; stopped and kept the last good data`,
      });
    }
    seen.add(next);
    cursor = next;
  }
  throw new SourceError({
    kind: 'bad-response',
    message: `${provider} pagination did not end after ${MAX_PAGES} pages; stopped and kept the last good data`,
  });
}
