import { describe, expect, it } from 'vitest';
import { stillPaused } from '../../../app/engine/forecast-drop.ts';
import { clipSpikes, fitLevel } from '../../../app/engine/forecast-level.ts';
import { LEFT, ledger, run } from '../../helpers/forecast-month.ts';

describe('forecast: a drop is followed gradually, a rise at once', () => {
  it('spend down to a tenth for four days: the projection lies between the pause going on and the usual spend coming back', () => {
    const result = run(ledger((d) => (d >= '2026-11-11' ? 10 : 100)));
    const rest = result.projectedUsd - result.spentUsd;
    // Followed at once the rest would be about $155 (15.5 days at $10); back at once, $1,550.
    expect(rest).toBeGreaterThan(0.45 * 100 * LEFT);
    expect(rest).toBeLessThan(0.9 * 100 * LEFT);
    // The range covers both: the pause lasting the month and the usual spend from tomorrow on.
    expect(result.lowUsd - result.spentUsd).toBeLessThan(0.4 * 100 * LEFT);
    expect(result.highUsd - result.spentUsd).toBeGreaterThan(0.9 * 100 * LEFT);
  });

  it("a pause is over once today's spend so far is back near the usual level", () => {
    const daily = ledger((d) => (d >= '2026-11-11' ? 10 : 100));
    // Half of a typical day done, half of a usual day spent.
    daily.set('2026-11-15', 50);
    const result = run(daily);
    expect(result.projectedUsd - result.spentUsd).toBeGreaterThan(0.9 * 100 * LEFT);
  });

  it('a pause of n days is as likely as not to last n more (Lindy)', () => {
    expect(stillPaused(4, 0)).toBeGreaterThan(0.85);
    expect(stillPaused(4, 3.5)).toBeCloseTo(0.5, 6);
    expect(stillPaused(4, 30)).toBeLessThan(0.15);
  });

  it('a launch that tripled daily spend two days ago is followed at once', () => {
    const result = run(ledger((d) => (d >= '2026-11-13' ? 150 : 50)));
    expect(result.projectedUsd - result.spentUsd).toBeGreaterThan(0.8 * 150 * LEFT);
  });

  it("a launch that tripled spend yesterday is followed once today's spend so far shows it too", () => {
    const daily = ledger((d) => (d >= '2026-11-14' ? 150 : 50));
    // Half of a typical day done, half of a tripled day spent.
    daily.set('2026-11-15', 75);
    const result = run(daily);
    expect(result.projectedUsd - result.spentUsd).toBeGreaterThan(0.8 * 150 * LEFT);
  });

  it("after a rise, today's spend so far counts in the new level as the share of a day it covers", () => {
    // A launch two days ago: $150 and $170; today, half done, runs at $260 a day. The level counts
    // today as half a day: (150 + 170 + 0.5 × 260) / 2.5 = $180, not the two full days' $160.
    const points = Array.from({ length: 32 }, (_, i) => ({ x: i - 32, y: i === 30 ? 150 : i === 31 ? 170 : 45 + (i % 3) * 5 }));
    const fit = fitLevel(points, { x: 0, y: 260, w: 0.5 });
    expect(fit.shifted).toBe(true);
    expect(fit.at(1)).toBeCloseTo(180, 6);
    // After a drop today stays out: late figures can only make it look low.
    const drop = Array.from({ length: 32 }, (_, i) => ({ x: i - 32, y: i >= 30 ? 10 : 95 + (i % 3) * 5 }));
    expect(fitLevel(drop, { x: 0, y: 2, w: 0.5 }).at(1)).toBeCloseTo(10, 6);
  });

  it('a low yesterday and a low today so far are no drop: late usage figures make today look low', () => {
    // Thirty days about $100, yesterday $10, and today's figures so far scaled to $10 a day (half done),
    // as figures still coming in would show them. A second full low day must say so.
    const points = Array.from({ length: 31 }, (_, i) => ({ x: i - 31, y: i === 30 ? 10 : 90 + (i % 3) * 10 }));
    expect(fitLevel(points, { x: 0, y: 10, w: 0.5 }).shifted).toBe(false);
  });

  it('a high yesterday and a high today so far confirm the rise', () => {
    const points = Array.from({ length: 31 }, (_, i) => ({ x: i - 31, y: i === 30 ? 300 : 90 + (i % 3) * 10 }));
    expect(fitLevel(points, { x: 0, y: 300, w: 0.5 }).shifted).toBe(true);
  });

  it("a runaway day is clipped once a few days old, but not a new level's first day", () => {
    const usual = (i: number) => 45 + (i % 3) * 5;
    // Thirty days about $50; five days ago $300, then back to about $50.
    const spike = Array.from({ length: 30 }, (_, i) => ({ x: i - 30, y: i === 25 ? 300 : usual(i) }));
    expect(clipSpikes(spike)[25]!.y).toBeLessThan(150);
    // The same $300, but spend stayed about $150 since: the launch's first day counts in full.
    const launch = Array.from({ length: 30 }, (_, i) => ({ x: i - 30, y: i === 25 ? 300 : i > 25 ? 150 : usual(i) }));
    expect(clipSpikes(launch)[25]!.y).toBe(300);
  });

  it('one runaway day beside an ordinary today is no new level', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ x: i - 30, y: i === 29 ? 2500 : 50 + (i % 3) * 10 }));
    expect(fitLevel(points, { x: 0, y: 50, w: 0.5 }).shifted).toBe(false);
    // Today siding with it would make it one.
    expect(fitLevel(points, { x: 0, y: 2500, w: 0.5 }).shifted).toBe(true);
  });
});
