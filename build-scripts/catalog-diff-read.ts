/**
 * Turns a downloaded LiteLLM model_prices_and_context_window.json or a models.dev checkout into
 * one shape: USD per million tokens per model, for the two vendors our catalog covers.
 * Field names from github.com/BerriAI/litellm (model_prices_and_context_window.json, 2026) and
 * github.com/anomalyco/models.dev (packages/core/src/schema.ts: cost, cost.tiers, experimental.modes).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '../app/engine/catalog/catalog-types.ts';
import { readToml, type TomlTable } from './catalog-diff-toml.ts';

export const VENDORS: readonly Provider[] = ['anthropic', 'openai'];

/** Every price is USD per million tokens; absent when the snapshot does not give it. */
export interface ExternalPrice {
  readonly id: string;
  readonly provider: Provider;
  readonly input?: number;
  readonly output?: number;
  readonly cacheRead?: number;
  readonly cacheWrite5m?: number;
  readonly cacheWrite1h?: number;
  readonly batchInput?: number;
  readonly batchOutput?: number;
  readonly fastInput?: number;
  readonly fastOutput?: number;
  readonly longInput?: number;
  readonly longOutput?: number;
}

export interface Snapshot {
  readonly name: string;
  readonly prices: readonly ExternalPrice[];
  readonly problems: readonly string[];
}

/** Per-token floats (1.875e-05) → per-million, rounded past float noise (18.75). */
const perMillion = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1e6 * 1e9) / 1e9 : undefined;
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
/** A cache price of 0 means "no caching" in these files, not "free": treated as absent. */
const cachePrice = (value: number | undefined): number | undefined => (value === 0 ? undefined : value);

type Loose<T> = { [K in keyof T]: T[K] | undefined };

/** Drops the kinds the snapshot does not give, so "absent" never reads as a price. */
function compact(price: Loose<ExternalPrice>): ExternalPrice {
  return Object.fromEntries(Object.entries(price).filter(([, v]) => v !== undefined)) as unknown as ExternalPrice;
}

export function readLiteLlm(text: string, name = 'LiteLLM'): Snapshot {
  const doc = JSON.parse(text) as Record<string, Record<string, unknown>>;
  const prices: ExternalPrice[] = [];
  for (const [key, e] of Object.entries(doc)) {
    if (key === 'sample_spec' || typeof e !== 'object' || e === null) continue;
    const provider = e.litellm_provider as Provider;
    // Only the vendors' own APIs: bedrock/, azure/, vertex_ai/ … entries price other platforms.
    if (!VENDORS.includes(provider) || (key.includes('/') && !key.startsWith(`${provider}/`))) continue;
    const input = perMillion(e.input_cost_per_token);
    const output = perMillion(e.output_cost_per_token);
    if (input === undefined || output === undefined) continue;
    // Anthropic fast mode is a multiplier there; OpenAI's priority ("fast") tier has its own fields.
    const fast = num((e.provider_specific_entry as Record<string, unknown> | undefined)?.fast);
    const long = (field: string) => perMillion(e[`${field}_above_200k_tokens`] ?? e[`${field}_above_272k_tokens`]);
    prices.push(
      compact({
        id: key.replace(/^(anthropic|openai)\//, ''),
        provider,
        input,
        output,
        cacheRead: cachePrice(perMillion(e.cache_read_input_token_cost)),
        cacheWrite5m: cachePrice(perMillion(e.cache_creation_input_token_cost)),
        cacheWrite1h: cachePrice(perMillion(e.cache_creation_input_token_cost_above_1hr)),
        batchInput: perMillion(e.input_cost_per_token_batches),
        batchOutput: perMillion(e.output_cost_per_token_batches),
        fastInput: fast !== undefined ? input * fast : perMillion(e.input_cost_per_token_priority),
        fastOutput: fast !== undefined ? output * fast : perMillion(e.output_cost_per_token_priority),
        longInput: long('input_cost_per_token'),
        longOutput: long('output_cost_per_token'),
      }),
    );
  }
  return { name, prices, problems: [] };
}

function modelsDevPrice(id: string, provider: Provider, doc: TomlTable): ExternalPrice | undefined {
  const cost = doc.cost as TomlTable | undefined;
  if (!cost || num(cost.input) === undefined || num(cost.output) === undefined) return undefined;
  const tiers = Array.isArray(cost.tiers) ? (cost.tiers as TomlTable[]) : [];
  const long = tiers[0] ?? (cost.context_over_200k as TomlTable | undefined);
  const fast = ((doc.experimental as TomlTable | undefined)?.modes as TomlTable | undefined)?.fast as TomlTable | undefined;
  const fastCost = fast?.cost as TomlTable | undefined;
  return compact({
    id,
    provider,
    input: num(cost.input),
    output: num(cost.output),
    cacheRead: cachePrice(num(cost.cache_read)),
    // models.dev has one cache_write price: Anthropic's 5-minute write.
    cacheWrite5m: cachePrice(num(cost.cache_write)),
    longInput: num(long?.input),
    longOutput: num(long?.output),
    fastInput: num(fastCost?.input),
    fastOutput: num(fastCost?.output),
  });
}

/** A models.dev checkout: providers/<vendor>/models/<id>.toml for each vendor we cover. */
export function readModelsDev(root: string): Snapshot {
  const prices: ExternalPrice[] = [];
  const problems: string[] = [];
  for (const provider of VENDORS) {
    const dir = join(root, 'providers', provider, 'models');
    if (!existsSync(dir)) continue;
    // "<id>_prompt_greater_than_200k_tokens.toml" restates a long-context tier as a model; skipped.
    const files = readdirSync(dir).filter((f) => f.endsWith('.toml') && !f.includes('_prompt_greater_than_'));
    for (const file of files.sort()) {
      const { table, problems: lineProblems } = readToml(readFileSync(join(dir, file), 'utf8'));
      for (const p of lineProblems) problems.push(`${provider}/${file} ${p}`);
      const price = modelsDevPrice(file.replace(/\.toml$/, ''), provider, table);
      if (price) prices.push(price);
      else problems.push(`${provider}/${file}: no [cost] input and output (base_model files keep it elsewhere)`);
    }
  }
  return { name: 'models.dev', prices, problems };
}
