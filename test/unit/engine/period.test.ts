import { describe, expect, it } from 'vitest';
import { periodContaining, previousPeriod } from '../../../app/engine/period.ts';

describe('billing period in the settings time zone', () => {
  it.each([
    ['2026-11-25T12:00:00Z', 'UTC', 1, '2026-11-01', '2026-12-01', 30, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    [
      '2026-11-01T06:59:59Z',
      'America/Los_Angeles',
      1,
      '2026-10-01',
      '2026-11-01',
      31,
      '2026-10-01T07:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ],
    [
      '2026-11-01T07:00:00Z',
      'America/Los_Angeles',
      1,
      '2026-11-01',
      '2026-12-01',
      30,
      '2026-11-01T07:00:00.000Z',
      '2026-12-01T08:00:00.000Z',
    ],
    // Spring forward on 2026-03-08: the period still has 31 days, 743 hours.
    [
      '2026-03-08T12:00:00Z',
      'America/Los_Angeles',
      1,
      '2026-03-01',
      '2026-04-01',
      31,
      '2026-03-01T08:00:00.000Z',
      '2026-04-01T07:00:00.000Z',
    ],
    [
      '2026-11-30T18:29:59Z',
      'Asia/Kolkata',
      1,
      '2026-11-01',
      '2026-12-01',
      30,
      '2026-10-31T18:30:00.000Z',
      '2026-11-30T18:30:00.000Z',
    ],
    [
      '2026-11-30T18:30:00Z',
      'Asia/Kolkata',
      1,
      '2026-12-01',
      '2027-01-01',
      31,
      '2026-11-30T18:30:00.000Z',
      '2026-12-31T18:30:00.000Z',
    ],
    // Chatham (+13:45 in summer, +12:45 after 2026-04-05): the offset changes inside the period.
    [
      '2026-04-10T00:00:00Z',
      'Pacific/Chatham',
      1,
      '2026-04-01',
      '2026-05-01',
      30,
      '2026-03-31T10:15:00.000Z',
      '2026-04-30T11:15:00.000Z',
    ],
    ['2028-02-20T00:00:00Z', 'UTC', 15, '2028-02-15', '2028-03-15', 29, '2028-02-15T00:00:00.000Z', '2028-03-15T00:00:00.000Z'],
    ['2027-02-20T00:00:00Z', 'UTC', 15, '2027-02-15', '2027-03-15', 28, '2027-02-15T00:00:00.000Z', '2027-03-15T00:00:00.000Z'],
    ['2026-11-10T00:00:00Z', 'UTC', 15, '2026-10-15', '2026-11-15', 31, '2026-10-15T00:00:00.000Z', '2026-11-15T00:00:00.000Z'],
    ['2026-12-31T23:00:00Z', 'UTC', 28, '2026-12-28', '2027-01-28', 31, '2026-12-28T00:00:00.000Z', '2027-01-28T00:00:00.000Z'],
  ])('%s in %s (start day %i) → %s … %s, %i days', (now, zone, startDay, startDate, endDate, days, start, end) => {
    const period = periodContaining(Date.parse(now), zone, startDay);
    expect(period).toMatchObject({ startDate, endDate, days });
    expect(new Date(period.start).toISOString()).toBe(start);
    expect(new Date(period.end).toISOString()).toBe(end);
  });

  it('the previous period ends where this one starts', () => {
    const period = periodContaining(Date.parse('2026-03-20T00:00:00Z'), 'America/Los_Angeles', 1);
    const previous = previousPeriod(period, 1);
    expect(previous.end).toBe(period.start);
    expect(previous).toMatchObject({ startDate: '2026-02-01', days: 28 });
  });

  it.each([0, 29, 1.5])('refuses start day %s', (day) => {
    expect(() => periodContaining(0, 'UTC', day)).toThrow(/1–28/);
  });
});
