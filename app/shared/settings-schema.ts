/**
 * The settings document: its current shape, defaults, and validation of untrusted JSON.
 * Shared by the main process (electron-store), the CLI (reads the same file) and the renderer (types).
 */
import type { PriceOverride, Provider } from '../engine/catalog/catalog-types.ts';
import { DEFAULT_NEW_KEY_HOURLY_USD } from '../engine/new-key-alerts.ts';

export const SETTINGS_VERSION = 1;

/** A source's id (app/sources/registry.ts declares them; settings only check the shape). */
export type SourceKey = string;
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
  /** "New key spending": a key quiet for 30 days that spends more than this in one hour (decimal USD). */
  readonly newKeyHourlyUsd: string;
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
  newKeyHourlyUsd: DEFAULT_NEW_KEY_HOURLY_USD,
};

/** Up to a trillion dollars, to the micro-dollar: anything longer is not a price or a cap. */
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;
const MAX_MODEL_ID = 200;
/** Ids are kebab-case words; an id no source declares (one removed since) is simply never configured. */
const isSourceKey = (v: unknown): v is SourceKey => typeof v === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(v);

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
  if (value.model.length > MAX_MODEL_ID) return false;
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

/** A fresh override with only the fields we know: extra fields in a file or a payload are not kept. */
export function copyPriceOverride(o: PriceOverride): PriceOverride {
  const r = o.rates;
  const rates = {
    input: r.input,
    output: r.output,
    ...(r.cacheWrite5m !== undefined ? { cacheWrite5m: r.cacheWrite5m } : {}),
    ...(r.cacheWrite1h !== undefined ? { cacheWrite1h: r.cacheWrite1h } : {}),
    ...(r.cacheRead !== undefined ? { cacheRead: r.cacheRead } : {}),
  };
  return {
    model: o.model,
    rates,
    ...(o.provider !== undefined ? { provider: o.provider } : {}),
    ...(o.webSearchPer1k !== undefined ? { webSearchPer1k: o.webSearchPer1k } : {}),
    ...(o.effectiveFrom !== undefined ? { effectiveFrom: o.effectiveFrom } : {}),
    ...(typeof o.displayName === 'string' && o.displayName.length <= MAX_MODEL_ID ? { displayName: o.displayName } : {}),
    ...(typeof o.note === 'string' && o.note.length <= 500 ? { note: o.note } : {}),
  };
}

/** What each setting must be, for a message that says why a value was reset. */
const EXPECTED: Record<Exclude<keyof Settings, 'schemaVersion' | 'priceOverrides'>, string> = {
  capUsd: 'null or a dollar amount in quotes, such as "250.00"',
  sourceCaps: 'an object of dollar amounts in quotes by source (anthropic, openai, claude-code)',
  thresholds: 'a list of up to 10 whole percentages from 1 to 1000',
  timeZone: 'an IANA time zone such as "Europe/Paris"',
  periodStartDay: 'a whole day of the month from 1 to 28',
  countedSources: '"auto" or a list of sources',
  claudeCodeSubscriptionUsd: 'null or a dollar amount in quotes, such as "200"',
  pollIntervalMinutes: 'whole minutes from 1 to 1440',
  trayFigure: '"remaining", "spent" or "percent"',
  launchAtLogin: 'true or false',
  demoMode: 'true or false',
  notificationsPausedUntil: 'null or a date and time',
  newKeyHourlyUsd: 'a dollar amount in quotes, such as "5"',
};

/** The value as the user wrote it, short enough for one line. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Every own key of the settings document, in order (not `in`, which also sees Object.prototype). */
export const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as ReadonlyArray<keyof Settings>;

export function isSettingsKey(key: string): key is keyof Settings {
  return Object.hasOwn(DEFAULT_SETTINGS, key);
}

/**
 * Keeps every valid field of a current-version document and replaces each invalid one by its
 * default, naming it, so one bad value never throws away the rest of the user's settings.
 */
export function validateSettings(raw: Record<string, unknown>): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const pick = <K extends keyof typeof EXPECTED>(key: K, ok: (v: unknown) => boolean): Settings[K] => {
    if (!Object.hasOwn(raw, key)) return DEFAULT_SETTINGS[key];
    const value = raw[key];
    if (ok(value)) return (Array.isArray(value) ? [...value] : isRecord(value) ? { ...value } : value) as Settings[K];
    problems.push(
      `setting "${key}" was ${shown(value)} but must be ${EXPECTED[key]}; it was reset to ${shown(DEFAULT_SETTINGS[key])}`,
    );
    return DEFAULT_SETTINGS[key];
  };
  const overrides = Array.isArray(raw.priceOverrides) ? raw.priceOverrides.filter(isPriceOverride).map(copyPriceOverride) : [];
  if (Array.isArray(raw.priceOverrides) && overrides.length !== raw.priceOverrides.length) {
    problems.push(
      `${raw.priceOverrides.length - overrides.length} price override(s) were dropped: each needs a model name (up to ${MAX_MODEL_ID} characters) and input and output prices in quotes, such as "3.00"`,
    );
  } else if (Object.hasOwn(raw, 'priceOverrides') && !Array.isArray(raw.priceOverrides)) {
    problems.push(`setting "priceOverrides" was ${shown(raw.priceOverrides)} but must be a list; it was reset to []`);
  }
  const settings: Settings = {
    schemaVersion: SETTINGS_VERSION,
    capUsd: pick('capUsd', (v) => v === null || isDecimalUsd(v)),
    sourceCaps: pick('sourceCaps', (v) => isRecord(v) && Object.entries(v).every(([k, c]) => isSourceKey(k) && isDecimalUsd(c))),
    thresholds: pick(
      'thresholds',
      (v) => Array.isArray(v) && v.length <= 10 && v.every((t) => Number.isInteger(t) && t > 0 && t <= 1000),
    ),
    timeZone: pick('timeZone', isTimeZone),
    periodStartDay: pick('periodStartDay', (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 28),
    countedSources: pick('countedSources', (v) => v === 'auto' || (Array.isArray(v) && v.every(isSourceKey))),
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
    newKeyHourlyUsd: pick('newKeyHourlyUsd', isDecimalUsd),
  };
  return { settings, problems };
}
