/**
 * Spending shapes for the forecast backtest, written from issue 10's list (not from the forecast's
 * assumptions): sparse spending, a step up, a steady decline, a holiday week, a weekly batch job,
 * heavy lognormal noise, a new user, a source added on day 12. Each makes two months of hourly spend
 * (October as history, November as the month to forecast) from a seed, and says from when each
 * source has data: before that a day is "no data", not $0. LIBRARY_TRUTH gives, per scenario and seed, the
 * day rule those days were drawn with (the seed's true parameters), for the Bayes bound (forecast-bound.ts).
 */
import { seededRandom } from '../../app/engine/seeded-random.ts';

const DAY_MS = 86_400_000;
export const HISTORY_START = Date.UTC(2026, 9, 1);
export const MONTH_START = Date.UTC(2026, 10, 1);
export const MONTH_END = Date.UTC(2026, 11, 1);

export interface GeneratedSpend {
  /** USD per hour (epoch ms of the hour start). */
  readonly hourly: Map<number, number>;
  /** Earliest instant some source has data from (null: every day is data, as without coverage fields). */
  readonly dataFrom: number | null;
  /** USD per hour of each source, by its label, when the month has more than one (they add up to `hourly`). */
  readonly bySource?: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

const normal = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
/** Lognormal multiplier with mean 1. */
const noise = (r: () => number, sigma: number) => Math.exp(sigma * normal(r) - (sigma * sigma) / 2);
const uniform = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();

/** Spreads a day's spend over working hours (UTC 8–20, busier mid-day), with jitter. */
function spreadDay(hourly: Map<number, number>, dayStart: number, usd: number, r: () => number, hours = 12): void {
  if (usd <= 0) return;
  const first = 8 + Math.floor(r() * (12 - Math.min(12, hours) + 1));
  const weights = Array.from({ length: hours }, () => 0.3 + r());
  const total = weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, i) => {
    const h = dayStart + ((first + i) % 24) * 3_600_000;
    hourly.set(h, (hourly.get(h) ?? 0) + (usd * w) / total);
  });
}

/** One day's spend (day = index from the history start), given the seed's parameters; `r` draws the day's noise. */
export type DayRule = (day: number, date: Date, r: () => number) => number;

/**
 * A rule whose behaviour changes from day index `from` on (a launch, a holiday, a new source);
 * `without`: the same rule had the change not come, for a forecaster that cannot see it coming.
 */
type ChangingRule = DayRule & { readonly change?: { readonly from: number; readonly without: DayRule } };
const changesFrom = (from: number, rule: DayRule, without: DayRule): ChangingRule => Object.assign(rule, { change: { from, without } });

/** The rule as it can be known at the end of November's day `day`: a change that begins later is not foreseen. */
const seenOn = (rule: ChangingRule, day: number): DayRule => (rule.change && rule.change.from > nov(day) ? rule.change.without : rule);

/** The generator that draws a seed's parameters (the rule's first draws), then its days from the same state. */
const seeded = (seed: number) => seededRandom(seed * 7919 + 17);

function fromDays(
  seed: number,
  perDay: (r: () => number) => DayRule,
  dataFrom: number | null = null,
  hours = 12,
): GeneratedSpend {
  const r = seeded(seed);
  const rule = perDay(r);
  const hourly = new Map<number, number>();
  for (let t = HISTORY_START, i = 0; t < MONTH_END; t += DAY_MS, i++) {
    if (dataFrom !== null && t < dataFrom) continue;
    spreadDay(hourly, t, rule(i, new Date(t), r), r, hours);
  }
  return { hourly, dataFrom };
}

/** Day index of November's day `n` (1-based) counted from the history start. */
const nov = (n: number) => 31 + n - 1;
const weekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/**
 * Each scenario's day rule: it draws the seed's parameters from `r` (the rule's first draws) and
 * returns the rule, which draws each day's noise from the generator it is given.
 */
const RULES = {
  // A solo developer: a handful of random days a month at $2–$15 (`spendChance`: the chance a day spends).
  sparse: (r: () => number) => {
    const p = uniform(r, 0.12, 0.25);
    const rule: DayRule = (_i, _d, r2) => (r2() < p ? uniform(r2, 2, 15) : 0);
    return Object.assign(rule, { spendChance: p });
  },
  // A product launch: daily spend about triples from a day in the middle of November on.
  'step-up': (r: () => number): ChangingRule => {
    const level = uniform(r, 40, 200);
    const at = nov(8 + Math.floor(r() * 12));
    const factor = uniform(r, 2.5, 3.5);
    const day = (i: number, d: Date, r2: () => number, step: boolean) =>
      level * (step && i >= at ? factor : 1) * (weekend(d) ? 0.6 : 1) * noise(r2, 0.25);
    return changesFrom(at, (i, d, r2) => day(i, d, r2, true), (i, d, r2) => day(i, d, r2, false));
  },
  // Spend falling 1–3 % a day over both months.
  decline: (r: () => number): DayRule => {
    const level = uniform(r, 80, 300);
    const rate = uniform(r, 0.01, 0.03);
    return (i, d, r2) => level * Math.exp(-rate * i) * (weekend(d) ? 0.7 : 1) * noise(r2, 0.25);
  },
  // One week of November at 5–25 % of the usual spend (a holiday), starting on a random day.
  'holiday-week': (r: () => number): ChangingRule => {
    const level = uniform(r, 50, 200);
    const start = nov(1 + Math.floor(r() * 24));
    const drop = uniform(r, 0.05, 0.25);
    const day = (i: number, d: Date, r2: () => number, holiday: boolean) =>
      level * (holiday && i >= start && i < start + 7 ? drop : 1) * (weekend(d) ? 0.7 : 1) * noise(r2, 0.25);
    return changesFrom(start, (i, d, r2) => day(i, d, r2, true), (i, d, r2) => day(i, d, r2, false));
  },
  // A small daily base and one large batch day a week.
  'weekly-batch': (r: () => number): DayRule => {
    const base = uniform(r, 3, 20);
    const batch = uniform(r, 100, 400);
    const weekday = Math.floor(r() * 7);
    return (_i, d, r2) => base * noise(r2, 0.3) + (d.getUTCDay() === weekday ? batch * noise(r2, 0.15) : 0);
  },
  // Heavy day-to-day noise: lognormal with σ = 1.
  'lognormal-noise': (r: () => number): DayRule => {
    const level = uniform(r, 30, 200);
    return (_i, _d, r2) => level * noise(r2, 1);
  },
  // A new user: the same rule every day; the scenario has no data before November 3rd.
  'new-user': (r: () => number): DayRule => {
    const level = uniform(r, 10, 100);
    return (_i, d, r2) => level * (weekend(d) ? 0.5 : 1) * noise(r2, 0.4);
  },
  // source-added's two sources: the first spends over both months, the second from November 12th.
  'source-added-first': (r: () => number): DayRule => {
    const level = uniform(r, 40, 150);
    return (_i, d, r2) => level * (weekend(d) ? 0.7 : 1) * noise(r2, 0.25);
  },
  'source-added-second': (r: () => number): ChangingRule => {
    const level = uniform(r, 20, 200);
    return changesFrom(nov(12), (i, _d, r2) => (i >= nov(12) ? level * noise(r2, 0.3) : 0), () => 0);
  },
};

/** sparse's one spending day for a November without spend: its day (0-based) and amount. */
export function emptyNovemberDay(r: () => number): { day: number; usd: number } {
  const day = Math.floor(r() * 30);
  return { day, usd: uniform(r, 2, 15) };
}

export const LIBRARY_SCENARIOS: Record<string, (seed: number) => GeneratedSpend> = {
  // "A few days a month" is at least one: a November without spend (about 1 seed in 40) has no month
  // total to be relatively wrong about, so such a November gets one spending day, on a day drawn at random.
  sparse: (seed) => {
    const spend = fromDays(seed, RULES.sparse, null, 3);
    if (![...spend.hourly.keys()].some((h) => h >= MONTH_START)) {
      const r = seededRandom(seed * 104_729 + 3);
      const { day, usd } = emptyNovemberDay(r);
      spreadDay(spend.hourly, MONTH_START + day * DAY_MS, usd, r, 3);
    }
    return spend;
  },
  'step-up': (seed) => fromDays(seed, RULES['step-up']),
  decline: (seed) => fromDays(seed, RULES.decline),
  'holiday-week': (seed) => fromDays(seed, RULES['holiday-week']),
  'weekly-batch': (seed) => fromDays(seed, RULES['weekly-batch']),
  'lognormal-noise': (seed) => fromDays(seed, RULES['lognormal-noise']),
  // A new user: nothing before November 3rd, so 5 days of history on day 8.
  'new-user': (seed) => fromDays(seed, RULES['new-user'], Date.UTC(2026, 10, 3)),
  // A second source is set up on November 12th: its spend (and its data) start then.
  'source-added': (seed) => {
    const first = fromDays(seed, RULES['source-added-first']);
    const second = fromDays(seed + 1000, RULES['source-added-second']);
    const hourly = new Map(first.hourly);
    for (const [h, v] of second.hourly) hourly.set(h, (hourly.get(h) ?? 0) + v);
    // The first source covers both months: every day has data (the second adds to it from the 12th).
    // The app knows each source's days apart, and so does the forecast here.
    return { hourly, dataFrom: null, bySource: new Map([['first', first.hourly], ['added', second.hourly]]) };
  },
};

/** What a seed's days were drawn from: everything but the days' own noise. */
export interface ScenarioTruth {
  /** A day's total spend (every source), drawn afresh from `r`. */
  readonly rule: DayRule;
  /** The rule as it can be known at the end of November's day `day`: a step, holiday or source that begins later left out. */
  readonly seenOn: (day: number) => DayRule;
  /** sparse only: a November without spend gets one day from emptyNovemberDay; a day spends with this chance. */
  readonly emptyNovember?: { readonly spendChance: number; readonly draw: (r: () => number) => { day: number; usd: number } };
}

/** Per library scenario and seed, the rule its days were drawn with: the same parameter draws as LIBRARY_SCENARIOS. */
export const LIBRARY_TRUTH: Record<string, (seed: number) => ScenarioTruth> = {
  sparse: (seed) => {
    const rule = RULES.sparse(seeded(seed));
    return { rule, seenOn: () => rule, emptyNovember: { spendChance: rule.spendChance, draw: emptyNovemberDay } };
  },
  ...Object.fromEntries(
    (['step-up', 'decline', 'holiday-week', 'weekly-batch', 'lognormal-noise', 'new-user'] as const).map((name) => [
      name,
      (seed: number) => {
        const rule: ChangingRule = RULES[name](seeded(seed));
        return { rule, seenOn: (day: number) => seenOn(rule, day) };
      },
    ]),
  ),
  // Two sources with parameters from two seeds; a day's total is the sum of independent draws.
  'source-added': (seed) => {
    const first = RULES['source-added-first'](seeded(seed));
    const second = RULES['source-added-second'](seeded(seed + 1000));
    const both = (added: DayRule): DayRule => (i, d, r) => first(i, d, r) + added(i, d, r);
    return { rule: both(second), seenOn: (day) => both(seenOn(second, day)) };
  },
};
