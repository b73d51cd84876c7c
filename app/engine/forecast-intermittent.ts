/**
 * The rest of the month for someone who spends on few days (at least half the days $0): a handful of
 * spending days still to come, or none, decides the month, so the total's spread is wide and lopsided
 * and a mean level times the days left says little. Instead the month is simulated from the user's own
 * days: each day ahead spends with the user's chance of a spending day, drawn afresh for each month
 * from what the history shows (k spending days of n give a Beta(k + 1, n − k + 1), the chance's own
 * uncertainty included), and spends one of the amounts the user has spent before. The point is the
 * month total with the least expected error in proportion to the real total: the median of the
 * simulated totals weighted by 1 / total (the figure that is off by the smallest share of what the
 * month turns out to be; test/bench/forecast-bound.ts derives it). The range stays the forecast's own,
 * around the level's expected month (forecast.ts): the simulated totals' 10 % and 90 % points held the
 * actual in 77.7 % of those cases, the forecast's range in 81.8 %.
 *
 * On 300 seeds of the backtest's sparse scenario that the method was not tuned on (31–330), the error
 * at day 15 fell from 44.1 % (a level times the days left) to 35.1 %.
 */
import { seededRandom } from './seeded-random.ts';

/** Simulated months: enough that the point moves by well under a cent between runs of a seed. */
const DRAWS = 400;

/**
 * `pastDays`: spend of each past day with data (USD); `spent`: this period's spend so far; `parts`:
 * the share of each day ahead still to come (today's rest first). Returns the spend still to come that
 * makes the point (USD), or null without a spending day to go by.
 */
export function intermittentFuture(pastDays: readonly number[], spent: number, parts: readonly number[]): number | null {
  const amounts = pastDays.filter((usd) => usd > 0);
  const n = pastDays.length;
  const k = amounts.length;
  if (k === 0) return null;
  // Fixed seed: the same history gives the same forecast on every view.
  const random = seededRandom(0x5eed);
  const uniforms = new Array<number>(n + 1);
  const totals: number[] = [];
  for (let draw = 0; draw < DRAWS; draw++) {
    // A Beta(k + 1, n − k + 1) draw: the (k + 1)-th smallest of n + 1 uniforms.
    for (let i = 0; i <= n; i++) uniforms[i] = random();
    uniforms.sort((a, b) => a - b);
    const chance = uniforms[k]!;
    let total = spent;
    for (const part of parts) if (random() < chance * part) total += amounts[Math.floor(random() * k)]!;
    // A month of $0 has no proportional error to weigh: it is left out (the point is for a month that spends).
    if (total > 0) totals.push(total);
  }
  if (totals.length === 0) return null;
  totals.sort((a, b) => a - b);
  return weightedMedian(totals) - spent;
}

/** The median of sorted totals weighted by 1 / total: the point with the least Σ |p − T| / T. */
export function weightedMedian(sorted: readonly number[]): number {
  const half = sorted.reduce((s, t) => s + 1 / t, 0) / 2;
  let weight = 0;
  for (const t of sorted) {
    weight += 1 / t;
    if (weight >= half) return t;
  }
  return sorted[sorted.length - 1]!;
}
