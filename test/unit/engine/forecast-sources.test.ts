import { describe, expect, it } from 'vitest';
import { forecast } from '../../../app/engine/forecast.ts';
import { forecastBySource, type SourceDays } from '../../../app/engine/forecast-sources.ts';
import { periodContaining } from '../../../app/engine/period.ts';
import { LEFT, ledger, NOW } from '../../helpers/forecast-month.ts';

// Noon on November 15th, half of a typical day done (forecast-month.ts).
const base = { period: periodContaining(NOW, 'UTC', 1), now: NOW, historyStart: '2026-10-01', todayShareDone: 0.5 };

/** Anthropic: about $100 a day since October 1st, ±30 % from day to day; today half done. */
function anthropic(): Map<string, number> {
  const daily = ledger((_d, i) => 100 * [1, 0.7, 1.3, 0.8, 1.2][i % 5]!);
  daily.set('2026-11-15', 50);
  return daily;
}

function total(sources: readonly SourceDays[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const s of sources) for (const [d, usd] of s.dailyUsd) sum.set(d, (sum.get(d) ?? 0) + usd);
  return sum;
}

const run = (sources: SourceDays[], capUsd: number | null = null) =>
  forecastBySource({ ...base, dailyUsd: total(sources), capUsd }, sources);

describe('forecast: a source that began spending lately is followed on its own days', () => {
  // OpenAI added on the 12th: $40 a day since (and half of that today so far), nothing before.
  const openai = ledger((d) => (d >= '2026-11-12' ? 40 : 0));
  openai.set('2026-11-15', 20);
  const sources = [
    { label: 'Anthropic', dailyUsd: anthropic() },
    { label: 'OpenAI', dailyUsd: openai },
  ];

  it('the rest of the month is projected at both sources together: $140 a day, not the old $100 plus a little', () => {
    const result = run(sources);
    const rest = result.projectedUsd - result.spentUsd;
    // 15.5 days at $140 is $2,170. On the summed days the three $40 days are a rise the ±30 % days
    // around it hide: that forecast reads about $1,600.
    expect(rest).toBeGreaterThan(0.95 * 140 * LEFT);
    expect(rest).toBeLessThan(1.05 * 140 * LEFT);
    const summed = forecast({ ...base, dailyUsd: total(sources), capUsd: null });
    expect(summed.projectedUsd - summed.spentUsd).toBeLessThan(0.8 * 140 * LEFT);
    expect(result.lowUsd).toBeLessThan(result.projectedUsd);
    expect(result.highUsd).toBeGreaterThan(result.projectedUsd);
  });

  it('says which source is new, and that its part is rough', () => {
    const result = run(sources);
    expect(result.roughReason).toBe('OpenAI began spending 3 days ago — rough estimate');
    expect(result.confidence).toBe('low');
    expect(result.note).toContain('OpenAI began spending 3 days ago: projected from its own days since.');
  });

  it('the cap is judged on the sum: its range and its days', () => {
    const { projectedUsd, lowUsd, highUsd, spentUsd } = run(sources);
    const mayPass = run(sources, (projectedUsd + highUsd) / 2);
    expect(mayPass.capOutlook).toBe('may-exceed');
    expect(mayPass.capHitDate).not.toBeNull();
    expect(run(sources, (spentUsd + lowUsd) / 2).capOutlook).toBe('will-exceed');
    // The remaining days are the two sources' days added up.
    const ahead = mayPass.remainingDays.reduce((s, d) => s + d.usd, 0);
    expect(ahead).toBeCloseTo(projectedUsd - spentUsd, 6);
  });

  it('a one-off try of a new source is no stream to carry forward', () => {
    // $40 on one day: as the summed days say, not $40 a day from now on. Yesterday is too soon to
    // tell; five days ago, four of its days since were $0.
    for (const day of ['2026-11-14', '2026-11-10']) {
      const once = ledger((d) => (d === day ? 40 : 0));
      const tried = [sources[0]!, { label: 'OpenAI', dailyUsd: once }];
      const result = run(tried);
      const summed = forecast({ ...base, dailyUsd: total(tried), capUsd: null });
      expect(result.projectedUsd).toBe(summed.projectedUsd);
      expect(result.roughReason).toBe(summed.roughReason);
    }
  });

  it('a source that spent from the start of the history is not new, however it changed', () => {
    const both = ledger((d) => (d >= '2026-11-12' ? 40 : 5));
    const grown = [sources[0]!, { label: 'OpenAI', dailyUsd: both }];
    const summed = forecast({ ...base, dailyUsd: total(grown), capUsd: null });
    expect(run(grown).projectedUsd).toBe(summed.projectedUsd);
  });

  it('a move from one provider to another is no new spend: the others fell as the new source began', () => {
    // Anthropic stops on the 12th and OpenAI takes over at the same $100 a day: the month goes on at
    // $100 a day. Apart, Anthropic's stop would read as a pause likely to end: about $2,600 to come.
    const moved = ledger((d, i) => (d >= '2026-11-12' ? 0 : 100 * [1, 0.7, 1.3, 0.8, 1.2][i % 5]!));
    const took = ledger((d) => (d >= '2026-11-12' ? 100 : 0));
    took.set('2026-11-15', 50);
    const result = run([
      { label: 'Anthropic', dailyUsd: moved },
      { label: 'OpenAI', dailyUsd: took },
    ]);
    const rest = result.projectedUsd - result.spentUsd;
    expect(rest).toBeGreaterThan(0.9 * 100 * LEFT);
    expect(rest).toBeLessThan(1.1 * 100 * LEFT);
  });

  it("the others' usual scatter is no take-over: three lowish days of theirs leave the new source apart", () => {
    // Anthropic's days since the 12th ($80, $75, $85) are within its ±30 % days: OpenAI's $40 a day
    // still adds to the month. Read as a take-over, the sum's forecast would give about $1,560.
    const lowish: Record<string, number> = { '2026-11-12': 80, '2026-11-13': 75, '2026-11-14': 85 };
    const dipped = anthropic();
    for (const [date, usd] of Object.entries(lowish)) dipped.set(date, usd);
    const result = run([{ label: 'Anthropic', dailyUsd: dipped }, sources[1]!]);
    expect(result.roughReason).toBe('OpenAI began spending 3 days ago — rough estimate');
    expect(result.projectedUsd - result.spentUsd).toBeGreaterThan(0.9 * 140 * LEFT);
  });
});
