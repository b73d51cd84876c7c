/** The price catalog: shipped entries plus the user's overrides, and model-id resolution. */
import { ANTHROPIC_MODELS } from './anthropic-prices.ts';
import type { ModelEntry, PriceOverride, PriceVersion, Provider } from './catalog-types.ts';
import { OPENAI_MODELS } from './openai-prices.ts';

export const SHIPPED_MODELS: readonly ModelEntry[] = [...ANTHROPIC_MODELS, ...OPENAI_MODELS];

/** The first day any override applies to when it names no date: it corrects the whole history. */
const SINCE_ALWAYS = '0000-01-01';

export interface Catalog {
  readonly entries: readonly ModelEntry[];
  /** The model a reported id means, or undefined: unknown models are never guessed. */
  resolve(model: string): ModelEntry | undefined;
}

/** Lower-cases and drops a provider prefix ("anthropic/claude-…", "openai/gpt-4o"). */
export function normalizeModelId(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^(anthropic|openai|models)\//, '');
}

/** "claude-sonnet-4-20250514" → "claude-sonnet-4", "gpt-4o-2024-08-06" → "gpt-4o"; else undefined. */
function withoutDateSuffix(id: string): string | undefined {
  const stripped = id.replace(/-(\d{8}|\d{4}-\d{2}-\d{2})$/, '');
  return stripped === id ? undefined : stripped;
}

function guessProvider(model: string): Provider {
  return model.startsWith('claude') ? 'anthropic' : 'openai';
}

function overrideVersion(override: PriceOverride): PriceVersion {
  const note = override.note ? `: ${override.note}` : '';
  return {
    effectiveFrom: override.effectiveFrom ?? SINCE_ALWAYS,
    // Unspecified cache rates are derived from input in price-rates.ts, by the provider's rules.
    rates: {
      input: override.rates.input,
      output: override.rates.output,
      cacheWrite5m: override.rates.cacheWrite5m ?? '',
      cacheWrite1h: override.rates.cacheWrite1h ?? '',
      cacheRead: override.rates.cacheRead ?? '',
    },
    ...(override.webSearchPer1k !== undefined ? { webSearchPer1k: override.webSearchPer1k } : {}),
    source: `user override${note}`,
  };
}

function applyOverride(entry: ModelEntry | undefined, override: PriceOverride): ModelEntry {
  const version = overrideVersion(override);
  if (!entry) {
    const id = normalizeModelId(override.model);
    return {
      id,
      provider: override.provider ?? guessProvider(id),
      displayName: override.displayName ?? override.model,
      aliases: [],
      versions: [version],
      userOverride: true,
    };
  }
  // The override wins from its date on; older shipped versions stay for earlier usage.
  const kept = entry.versions.filter((v) => v.effectiveFrom < version.effectiveFrom);
  return { ...entry, versions: [...kept, version], userOverride: true };
}

export function buildCatalog(overrides: readonly PriceOverride[] = []): Catalog {
  const byId = new Map<string, ModelEntry>(SHIPPED_MODELS.map((entry) => [entry.id, entry]));
  const aliasToId = new Map<string, string>();
  for (const entry of SHIPPED_MODELS) for (const alias of entry.aliases) aliasToId.set(alias, entry.id);

  const idOf = (model: string): string | undefined => {
    const id = normalizeModelId(model);
    if (byId.has(id)) return id;
    const aliased = aliasToId.get(id);
    if (aliased) return aliased;
    const dateless = withoutDateSuffix(id);
    return dateless === undefined ? undefined : byId.has(dateless) ? dateless : aliasToId.get(dateless);
  };

  for (const override of overrides) {
    const existingId = idOf(override.model);
    const updated = applyOverride(existingId ? byId.get(existingId) : undefined, override);
    byId.set(updated.id, updated);
    if (!existingId && updated.id !== normalizeModelId(override.model))
      aliasToId.set(normalizeModelId(override.model), updated.id);
  }

  const entries = [...byId.values()];
  const resolved = new Map<string, ModelEntry | undefined>();
  return {
    entries,
    resolve(model: string) {
      if (resolved.has(model)) return resolved.get(model);
      const id = idOf(model);
      const entry = id === undefined ? undefined : byId.get(id);
      resolved.set(model, entry);
      return entry;
    },
  };
}

/** The version in force on a UTC day; usage before a model's first listed date uses its first price. */
export function versionOn(entry: ModelEntry, day: string): PriceVersion {
  return versionSpanOn(entry, day).version;
}

/** The version in force on a day and the days it covers: [from, until), '' and '\uffff' for open ends. */
export function versionSpanOn(entry: ModelEntry, day: string): { version: PriceVersion; from: string; until: string } {
  const versions = entry.versions;
  let index = 0;
  for (let i = 1; i < versions.length; i++) if (versions[i]!.effectiveFrom <= day) index = i;
  const version = versions[index];
  if (!version) throw new Error(`catalog entry ${entry.id} has no prices`);
  return { version, from: index === 0 ? '' : version.effectiveFrom, until: versions[index + 1]?.effectiveFrom ?? '\uffff' };
}
