/**
 * Compares a snapshot of another catalog with ours on one day: prices that differ, models they
 * list that we do not, and models we list that they do not. Only what both sides state is compared.
 */
import type { Catalog } from '../app/engine/catalog/catalog.ts';
import { versionOn } from '../app/engine/catalog/catalog.ts';
import type { ModelEntry, PriceVersion } from '../app/engine/catalog/catalog-types.ts';
import type { ExternalPrice, Snapshot } from './catalog-diff-read.ts';

export type Finding =
  | { kind: 'price'; model: string; theirId: string; what: string; ours: number | null; theirs: number }
  | { kind: 'missing-here'; theirId: string; provider: string; input: number | undefined; output: number | undefined }
  | { kind: 'missing-there'; model: string; provider: string };

type Kind = Exclude<keyof ExternalPrice, 'id' | 'provider'>;

const LABELS: Record<Kind, string> = {
  input: 'input',
  output: 'output',
  cacheRead: 'cache read',
  cacheWrite5m: '5m cache write',
  cacheWrite1h: '1h cache write',
  batchInput: 'batch input',
  batchOutput: 'batch output',
  fastInput: 'fast input',
  fastOutput: 'fast output',
  longInput: 'long-context input',
  longOutput: 'long-context output',
};

/** Our rates for a day, by the same kinds; '' cache prices derive from input as price-rates.ts does. */
function ourRates(entry: ModelEntry, v: PriceVersion): Partial<Record<Kind, number>> {
  const input = Number(v.rates.input);
  const anthropic = entry.provider === 'anthropic';
  const or = (text: string, factor: number) => (text === '' ? input * factor : Number(text));
  return {
    input,
    output: Number(v.rates.output),
    cacheRead: or(v.rates.cacheRead, anthropic ? 0.1 : 1),
    // OpenAI bills cache writes as input: a snapshot's write price there is not comparable.
    ...(anthropic ? { cacheWrite5m: or(v.rates.cacheWrite5m, 1.25), cacheWrite1h: or(v.rates.cacheWrite1h, 2) } : {}),
    batchInput: v.batch ? Number(v.batch.input) : input / 2,
    batchOutput: v.batch ? Number(v.batch.output) : Number(v.rates.output) / 2,
    ...(v.fast ? { fastInput: Number(v.fast.input), fastOutput: Number(v.fast.output) } : {}),
    ...(v.priority ? { fastInput: Number(v.priority.input), fastOutput: Number(v.priority.output) } : {}),
    ...(v.longContext ? { longInput: Number(v.longContext.rates.input), longOutput: Number(v.longContext.rates.output) } : {}),
  };
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export function compareSnapshot(snapshot: Snapshot, catalog: Catalog, day: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const providers = new Set(snapshot.prices.map((p) => p.provider));
  for (const theirs of snapshot.prices) {
    const entry = catalog.resolve(theirs.id);
    if (!entry || entry.provider !== theirs.provider) {
      findings.push({
        kind: 'missing-here',
        theirId: theirs.id,
        provider: theirs.provider,
        input: theirs.input,
        output: theirs.output,
      });
      continue;
    }
    seen.add(entry.id);
    const ours = ourRates(entry, versionOn(entry, day));
    for (const kind of Object.keys(LABELS) as Kind[]) {
      const a = ours[kind];
      const b = theirs[kind];
      if (a !== undefined && b !== undefined && !same(a, b))
        findings.push({ kind: 'price', model: entry.id, theirId: theirs.id, what: LABELS[kind], ours: a, theirs: b });
      // A fast-mode price they know and we lack is a finding (most catalogs lack OpenAI's priority tier,
      // so the reverse is not).
      if ((kind === 'fastInput' || kind === 'fastOutput') && a === undefined && b !== undefined)
        findings.push({ kind: 'price', model: entry.id, theirId: theirs.id, what: LABELS[kind], ours: null, theirs: b });
    }
  }
  for (const entry of catalog.entries)
    if (providers.has(entry.provider) && !seen.has(entry.id) && entry.status !== 'retired')
      findings.push({ kind: 'missing-there', model: entry.id, provider: entry.provider });
  return findings;
}

const usd = (n: number | null | undefined) => (n === null || n === undefined ? 'none' : `$${Number(n.toFixed(6))}/M`);

export function describeFinding(f: Finding, source: string): string {
  if (f.kind === 'price') {
    const alias = f.theirId === f.model ? '' : ` (${source}: ${f.theirId})`;
    return `price differs  ${f.model}${alias}  ${f.what}: ours ${usd(f.ours)}, ${source} ${usd(f.theirs)}`;
  }
  if (f.kind === 'missing-here')
    return `not in ours: ${f.theirId} (${f.provider})  ${source} prices it at ${usd(f.input)} in, ${usd(f.output)} out`;
  return `not in ${source}: ${f.model} (${f.provider})`;
}
