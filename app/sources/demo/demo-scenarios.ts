/** The simulated organization's spending patterns. Each is a multiplier on a base hourly rate. */

export type ScenarioName = 'steady' | 'weekday-heavy' | 'growth' | 'spike';
export const SCENARIOS: readonly ScenarioName[] = ['steady', 'weekday-heavy', 'growth', 'spike'];

export interface Scenario {
  /** Multiplier for a UTC day of the week (0 = Sunday). */
  readonly weekday: (day: number) => number;
  /** Multiplier for days since the organization started (trend). */
  readonly trend: (daysSinceOrigin: number) => number;
  /** Extra multiplier for one hour (a runaway loop, a leaked key). */
  readonly burst: (daysSinceOrigin: number, hourOfDay: number) => number;
}

const flat = () => 1;

export function scenario(name: ScenarioName): Scenario {
  switch (name) {
    case 'steady':
      return { weekday: (d) => (d === 0 || d === 6 ? 0.85 : 1), trend: flat, burst: flat };
    case 'weekday-heavy':
      return { weekday: (d) => (d === 0 || d === 6 ? 0.2 : 1.35), trend: flat, burst: flat };
    case 'growth':
      // About +3 % a day: the month ends at roughly twice its first week's pace.
      return { weekday: (d) => (d === 0 || d === 6 ? 0.7 : 1.1), trend: (days) => Math.pow(1.03, days - 30), burst: flat };
    case 'spike':
      // Steady, except one afternoon where a loop burns 25x the usual rate for five hours on day 38
      // (the 8th of the second month): the forecast must not keep extrapolating it.
      return {
        weekday: (d) => (d === 0 || d === 6 ? 0.8 : 1.05),
        trend: flat,
        burst: (days, hour) => (days === 38 && hour >= 13 && hour < 18 ? 25 : 1),
      };
  }
}

export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(value);
}
