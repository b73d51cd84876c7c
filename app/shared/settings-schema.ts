/**
 * The settings document: its current shape, defaults, and validation of untrusted JSON.
 * Shared by the main process (electron-store), the CLI (reads the same file) and the renderer (types).
 */
import type { PriceOverride, Provider } from '../engine/catalog/catalog-types.ts';

export const SETTINGS_VERSION = 1;

export type SourceKey = 'anthropic' | 'openai' | 'claude-code';
export type TrayFigure = 'remaining' | 'spent' | 'percent';

export interface Settings {
  readonly schemaVersion: number;
  /** Monthly cap for all counted spend, decimal USD; null means no cap. */
  readonly capUsd: string | null;
  readonly sourceCaps: Readonly<Partial<Record<SourceKey, string>>>;
  /** Percent-of-cap thresholds that raise a notification. */
  readonly thresholds: readonly number[];
  readonly timeZone: string;
  /** Day of the month the billing period starts (1–28). */
  readonly periodStartDay: number;
  /** 'auto': Claude Code logs count only when no Anthropic admin source is configured. */
  readonly countedSources: 'auto' | readonly SourceKey[];
  /** A Claude Code subscription: show API value against the plan price instead of spend. */
  readonly claudeCodeSubscriptionUsd: string | null;
  readonly pollIntervalMinutes: number;
  readonly trayFigure: TrayFigure;
  readonly launchAtLogin: boolean;
  readonly demoMode: boolean;
  readonly priceOverrides: readonly PriceOverride[];
  readonly notificationsPausedUntil: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_VERSION,
  capUsd: null,
  sourceCaps: {},
  thresholds: [50, 75, 90, 100],
  timeZone: 'UTC',
  periodStartDay: 1,
  countedSources: 'auto',
  claudeCodeSubscriptionUsd: null,
  pollIntervalMinutes: 5,
  trayFigure: 'remaining',
  launchAtLogin: false,
  demoMode: false,
  priceOverrides: [],
  notificationsPausedUntil: null,
};

const DECIMAL = /^\d+(\.\d{1,6})?$/;
const SOURCE_KEYS: readonly SourceKey[] = ['anthropic', 'openai', 'claude-code'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isDecimalUsd(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value);
}

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function isPriceOverride(value: unknown): value is PriceOverride {
  if (!isRecord(value) || typeof value.model !== 'string' || value.model.trim() === '' || !isRecord(value.rates)) return false;
  const rates = value.rates;
  const optionalDecimal = (v: unknown) => v === undefined || isDecimalUsd(v);
  const provider = value.provider as Provider | undefined;
  return (
    isDecimalUsd(rates.input) &&
    isDecimalUsd(rates.output) &&
    optionalDecimal(rates.cacheWrite5m) &&
    optionalDecimal(rates.cacheWrite1h) &&
    optionalDecimal(rates.cacheRead) &&
    optionalDecimal(value.webSearchPer1k) &&
    (provider === undefined || provider === 'anthropic' || provider === 'openai') &&
    (value.effectiveFrom === undefined ||
      (typeof value.effectiveFrom === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.effectiveFrom)))
  );
}

/**
 * Keeps every valid field of a current-version document and replaces each invalid one by its
 * default, naming it, so one bad value never throws away the rest of the user's settings.
 */
export function validateSettings(raw: Record<string, unknown>): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const pick = <K extends keyof Settings>(key: K, ok: (v: unknown) => boolean): Settings[K] => {
    if (!(key in raw)) return DEFAULT_SETTINGS[key];
    if (ok(raw[key])) return raw[key] as Settings[K];
    problems.push(`setting "${key}" was invalid and was reset to its default`);
    return DEFAULT_SETTINGS[key];
  };
  const overrides = Array.isArray(raw.priceOverrides) ? raw.priceOverrides.filter(isPriceOverride) : [];
  if (Array.isArray(raw.priceOverrides) && overrides.length !== raw.priceOverrides.length) {
    problems.push(`${raw.priceOverrides.length - overrides.length} price override(s) were invalid and were dropped`);
  }
  const settings: Settings = {
    schemaVersion: SETTINGS_VERSION,
    capUsd: pick('capUsd', (v) => v === null || isDecimalUsd(v)),
    sourceCaps: pick(
      'sourceCaps',
      (v) => isRecord(v) && Object.entries(v).every(([k, c]) => SOURCE_KEYS.includes(k as SourceKey) && isDecimalUsd(c)),
    ),
    thresholds: pick(
      'thresholds',
      (v) => Array.isArray(v) && v.length <= 10 && v.every((t) => Number.isInteger(t) && t > 0 && t <= 1000),
    ),
    timeZone: pick('timeZone', isTimeZone),
    periodStartDay: pick('periodStartDay', (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 28),
    countedSources: pick(
      'countedSources',
      (v) => v === 'auto' || (Array.isArray(v) && v.every((s) => SOURCE_KEYS.includes(s as SourceKey))),
    ),
    claudeCodeSubscriptionUsd: pick('claudeCodeSubscriptionUsd', (v) => v === null || isDecimalUsd(v)),
    pollIntervalMinutes: pick('pollIntervalMinutes', (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1440),
    trayFigure: pick('trayFigure', (v) => v === 'remaining' || v === 'spent' || v === 'percent'),
    launchAtLogin: pick('launchAtLogin', (v) => typeof v === 'boolean'),
    demoMode: pick('demoMode', (v) => typeof v === 'boolean'),
    priceOverrides: overrides,
    notificationsPausedUntil: pick(
      'notificationsPausedUntil',
      (v) => v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v))),
    ),
  };
  return { settings, problems };
}
