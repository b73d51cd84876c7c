/**
 * The Bayes bound of the forecast backtest: the expected error of a clairvoyant forecaster that knows
 * a seed's true parameters (level, rate, step day and factor, holiday week, batch weekday…: the rule
 * of forecast-scenarios.ts's LIBRARY_TRUTH) and every dollar spent up to the end of the report day,
 * so that all it lacks is the noise of the days still to come.
 *
 * Its point is Bayes-optimal for the backtest's loss |p − T| / T. Given what it knows, the month total
 * T has some distribution F, and E|p − T| / T = ∫ |p − t| (1/t) dF(t) = E[1/T] · ∫ |p − t| dG(t), with
 * G = F reweighted by 1/t: the expected absolute deviation from p under G, least at G's median. So the
 * optimal point is the median of T weighted by 1/T. We draw K months T_k (the spend so far plus each
 * remaining day drawn afresh from the rule) and take the weighted median of the T_k with weights 1/T_k,
 * which minimises Σ |p − T_k| / T_k exactly (convex and piecewise linear in p, kinks at the T_k).
 *
 * Why no method can do better in expectation: a forecaster sees less (the hours before noon, not the
 * parameters), so its point is a function of what the clairvoyant knows, and for any such point
 * E[loss] = E[ E[loss | what the clairvoyant knows] ] ≥ E[ min_p E[loss(p) | what it knows] ], the
 * clairvoyant's expected error. The clairvoyant is given more than the forecaster in two places, which
 * only lowers the bound:
 *   - the whole report day (the forecaster runs at noon). Simulating the afternoon as a share of a
 *     fresh full-day draw would not be Bayes-optimal (the day's draw was made for the whole day, and
 *     the morning says something about it), so that number could sit above the true bound;
 *   - the parameters themselves, including steps and holidays that begin after the report day.
 * Given the parameters the days are independent (each day's noise is drawn afresh), so the past adds
 * nothing, except in sparse, where a November without spend gets one day (emptyNovemberDay): there the
 * draws are conditioned exactly on the spending days seen so far (none: reject continuations the
 * observed days contradict; one: it may be that added day, and then nothing else is to come).
 * So it bounds the error from below; it does not say what is reachable. What a forecaster cannot know
 * at day 15 about the parameters (a step or a holiday still to come, a sparse user's rate) is given to
 * the clairvoyant, so the gap between a method and the bound mixes error a better method could avoid
 * with error that no method can: the bound alone cannot show a target out of reach unless it is
 * itself above the target.
 *
 * The bench also runs the same clairvoyant without foresight (ScenarioTruth.seenOn): it knows the
 * parameters, but a step, a holiday or a source that begins after the report day is unknown to it, as
 * it is to any forecaster that does not guess at changes to come. That is no lower bound for every
 * method (one could bet on a launch), but it splits the gap in two: the blind bound's excess over the
 * bound is the error of changes no history shows; the forecast's excess over the blind bound is the
 * price of estimating the parameters from the days seen, which a better method could lower.
 *
 * What is reported is the clairvoyant's |p − actual| / actual against the seed's real actual, averaged
 * over seeds like the forecast's own error, so the two are paired on the same months. The demo
 * scenarios have no rule to simulate: the report counts their bound as 0 %, which only lowers the
 * average over scenarios further (the most favourable assumption for the target). With 20 seeds a
 * scenario's mean has a sampling error (the summary gives it); `expected` is the same error averaged
 * over K further draws of T instead of the one real actual, which removes the noise of the actual's
 * draw (not that of the parameters'). A p from K draws is only near the optimum, which raises the
 * error slightly (second order: the loss is flat at its minimum); SPENDBAR_BENCH_BOUND_DRAWS sets K.
 */
import { weightedMedian } from '../../app/engine/forecast-intermittent.ts';
import { seededRandom } from '../../app/engine/seeded-random.ts';
import { HISTORY_START, MONTH_END, MONTH_START, type ScenarioTruth } from './forecast-scenarios.ts';

const DAY_MS = 86_400_000;
const MONTH_DAYS = (MONTH_END - MONTH_START) / DAY_MS;
/** November's first day as the rules count days (from the history start). */
const FIRST_INDEX = (MONTH_START - HISTORY_START) / DAY_MS;
const DATES = Array.from({ length: MONTH_DAYS }, (_, d) => new Date(MONTH_START + d * DAY_MS));

export const BOUND_DRAWS = Number(process.env.SPENDBAR_BENCH_BOUND_DRAWS ?? 400);

export interface Bound {
  /** |p − actual| / actual, p the clairvoyant's point. */
  readonly err: number;
  /** The clairvoyant's error averaged over K fresh draws of the month total instead of the actual. */
  readonly expected: number;
}

/** The generator of a (scenario, seed, day)'s draws: independent of the ones that made the data. */
export function boundRng(name: string, seed: number, day: number): () => number {
  let h = 2_166_136_261;
  for (const c of `${name}|${seed}|${day}`) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619);
  return seededRandom(h);
}

/** The weighted median of the totals with weights 1/T: the point with the least Σ |p − T| / T. */
export function bayesPoint(totals: readonly number[]): number {
  return weightedMedian([...totals].sort((a, b) => a - b));
}

/** The clairvoyant at November's `day` (1-based), knowing the seed's truth and every hour up to that day's end. */
export function bayesBound(
  truth: ScenarioTruth,
  hourly: ReadonlyMap<number, number>,
  day: number,
  actual: number,
  r: () => number,
  draws = BOUND_DRAWS,
): Bound {
  const known = MONTH_START + day * DAY_MS;
  const spentByDay = new Array<number>(day).fill(0);
  for (const [h, usd] of hourly) if (h >= MONTH_START && h < known) spentByDay[Math.floor((h - MONTH_START) / DAY_MS)]! += usd;
  const spent = spentByDay.reduce((a, b) => a + b, 0);
  const rest = () => {
    let usd = 0;
    for (let d = day; d < MONTH_DAYS; d++) usd += truth.rule(FIRST_INDEX + d, DATES[d]!, r);
    return usd;
  };
  let draw = () => spent + rest();
  const empty = truth.emptyNovember;
  if (empty) {
    const spendingDays = spentByDay.filter((usd) => usd > 0).length;
    const q = 1 - empty.spendChance;
    if (spendingDays === 0) {
      if (day >= MONTH_DAYS) throw new Error('a November without spend');
      // Nothing yet: either the rule spends on a day to come, or it spends on none and the added day
      // falls after today (a draw with the added day on a day seen is one the data rules out).
      draw = () => {
        for (;;) {
          const usd = rest();
          if (usd > 0) return usd;
          const added = empty.draw(r);
          if (added.day >= day) return added.usd;
        }
      };
    } else if (spendingDays === 1) {
      // The one spending day is the rule's (chance spendChance, the other days seen without) or the
      // day added to a November the rule left empty (all 30 days without, and that day of 30 drawn);
      // its amount has the same law either way. If added, nothing else is to come.
      const ruleSpent = empty.spendChance * q ** (day - 1);
      const added = q ** MONTH_DAYS / MONTH_DAYS;
      const pAdded = added / (added + ruleSpent);
      draw = () => (r() < pAdded ? spent : spent + rest());
    }
  }
  const sample = () =>
    Array.from({ length: draws }, () => {
      const total = draw();
      if (!(total > 0)) throw new Error(`a simulated month without spend (day ${day})`);
      return total;
    });
  const p = bayesPoint(sample());
  const expected = sample().reduce((a, t) => a + Math.abs(p - t) / t, 0) / draws;
  return { err: Math.abs(p - actual) / actual, expected };
}
