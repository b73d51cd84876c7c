/**
 * Export rows as CSV that opens cleanly in a spreadsheet (RFC 4180): a header row, CRLF line ends,
 * ISO dates, dot decimals, every text field quoted. Text from providers (workspace names) that
 * starts like a formula is prefixed with an apostrophe so a spreadsheet never evaluates it
 * (OWASP "CSV injection").
 */
import type { ExportRow } from './export-rows.ts';

const HEADER = [
  'date',
  'source',
  'model',
  'workspace',
  'input_tokens',
  'output_tokens',
  'cache_write_5m_tokens',
  'cache_write_1h_tokens',
  'cache_read_tokens',
  'web_search_requests',
  'billed_usd',
  'priced_usd',
  'spent_usd',
];

function text(value: string | null): string {
  const safe = value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? '');
  return `"${safe.replace(/"/g, '""')}"`;
}

export function exportCsv(rows: readonly ExportRow[]): string {
  const lines = [HEADER.join(',')];
  for (const r of rows)
    lines.push(
      [
        r.date,
        text(r.source),
        text(r.model),
        text(r.workspace),
        r.inputTokens,
        r.outputTokens,
        r.cacheWrite5mTokens,
        r.cacheWrite1hTokens,
        r.cacheReadTokens,
        r.webSearchRequests,
        r.billedUsd ?? '',
        r.pricedUsd ?? '',
        r.spentUsd ?? '',
      ].join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
