import { describe, expect, it } from 'vitest';
import { sourceCoverage } from '../../../app/sources/data-coverage.ts';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const PERIOD = Date.UTC(2026, 10, 1);
const HISTORY = Date.UTC(2026, 9, 1);
const days = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-11-${String(from + i).padStart(2, '0')}`);

describe('what a source has stored of the period', () => {
  it('nothing fetched yet is "no data yet", not a figure', () => {
    expect(sourceCoverage({}, PERIOD, NOW, HISTORY)).toEqual({ dataFrom: null, dataThrough: null, coverage: 'none' });
  });

  it('the whole period without a gap is complete through the last closed hour the open days were fetched to', () => {
    const mark = { usageDays: ['2026-10-31', ...days(1, 23)], usageFetchedAt: '2026-11-25T12:05:00.000Z' };
    expect(sourceCoverage(mark, PERIOD, NOW, HISTORY)).toEqual({
      dataFrom: '2026-10-31T00:00:00.000Z',
      dataThrough: '2026-11-25T12:00:00.000Z',
      coverage: 'complete',
    });
  });

  it('a rate limit mid-history leaves the period partial, through the last day stored without a gap', () => {
    const mark = { usageDays: days(1, 7), usageFetchedAt: '2026-11-25T12:05:00.000Z' };
    expect(sourceCoverage(mark, PERIOD, NOW, HISTORY)).toMatchObject({ dataThrough: '2026-11-08T00:00:00.000Z', coverage: 'partial' });
  });

  it('a closed day whose bill is stored counts even when its usage is not', () => {
    const mark = { usageDays: days(1, 7), costDays: days(8, 23), usageFetchedAt: '2026-11-25T12:05:00.000Z' };
    expect(sourceCoverage(mark, PERIOD, NOW, HISTORY).coverage).toBe('complete');
  });

  it('only the open days fetched: the period start is missing, so there is no dataThrough', () => {
    const mark = { usageFetchedAt: '2026-11-25T12:05:00.000Z' };
    expect(sourceCoverage(mark, PERIOD, NOW, HISTORY)).toEqual({ dataFrom: null, dataThrough: null, coverage: 'partial' });
  });

  it('an older ledger’s single mark still counts as stored history', () => {
    const mark = { closedBefore: '2026-11-24', usageFetchedAt: '2026-11-25T12:05:00.000Z' };
    expect(sourceCoverage(mark, PERIOD, NOW, HISTORY)).toMatchObject({ dataFrom: '2026-10-01T00:00:00.000Z', coverage: 'complete' });
  });
});
