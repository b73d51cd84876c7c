/**
 * Where the bill contradicts the catalog: runs of days on which a (source, model, kind, tier) was
 * billed at a rate other than ours, and the rate each run proves ("learned from your bill").
 */
import type { Femto } from './money.ts';
import type { BilledRate } from './billed-rates.ts';
import type { SourceId, TokenKind } from './usage-row.ts';

/**
 * Beyond rounding: more than 0.5 % apart AND more than $0.000001 per million tokens (1,000 femto per
 * token). OpenAI sends amounts as floats and both vendors round each line, so a few parts per million
 * drift is noise; published prices have at most four significant digits and every real change seen in
 * the catalog's history is ≥ 5 %, so 0.5 % keeps a tenfold margin on both sides. The absolute floor
 * keeps free or near-free kinds (a $0 cache read billed at a float's 1e-18) from being findings.
 */
export function beyondRounding(billed: Femto, catalog: Femto, tokens: number): boolean {
  const diff = billed > catalog ? billed - catalog : catalog - billed;
  return diff * 1000n > 5n * catalog && diff > 1000n * BigInt(tokens);
}

export interface PriceFinding {
  readonly source: SourceId;
  readonly model: string;
  readonly kind: TokenKind;
  readonly tier: string;
  /** First and last UTC day of the run. */
  readonly from: string;
  readonly through: string;
  /** True when this run is the latest the bill shows for this model, kind and tier. */
  readonly current: boolean;
  readonly tokens: number;
  readonly billedFemto: Femto;
  /** Null: the catalog has no price for the model. */
  readonly catalogFemto: Femto | null;
  readonly priceSource: string | null;
}

/** A rate the bill proves, for a model and kind at standard tier, from a day on. */
export interface LearnedRate {
  readonly source: SourceId;
  readonly model: string;
  readonly kind: TokenKind;
  readonly from: string;
  /** Femtodollars per token, rounded to the nearest (USD per million with nine decimals). */
  readonly femtoPerToken: Femto;
}

interface Run {
  first: BilledRate;
  from: string;
  through: string;
  tokens: number;
  billed: Femto;
  catalog: Femto | null;
  mismatch: boolean;
}

const isMismatch = (r: BilledRate) => r.catalogFemto === null || beyondRounding(r.billedFemto, r.catalogFemto, r.tokens);

/** Same run: same verdict, and the day's billed (and catalog) rate within rounding of the run's so far. */
function continues(run: Run, r: BilledRate): boolean {
  if (run.mismatch !== isMismatch(r)) return false;
  if (!run.mismatch) return true;
  const scaled = (femto: Femto) => (femto * BigInt(r.tokens)) / BigInt(run.tokens);
  if (beyondRounding(r.billedFemto, scaled(run.billed), r.tokens)) return false;
  if ((run.catalog === null) !== (r.catalogFemto === null)) return false;
  return run.catalog === null || r.catalogFemto === null || !beyondRounding(r.catalogFemto, scaled(run.catalog), r.tokens);
}

function runsOf(rates: readonly BilledRate[]): Run[][] {
  const groups = new Map<string, Run[]>();
  for (const r of [...rates].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    const key = `${r.source}|${r.model}|${r.kind}|${r.tier}`;
    const runs = groups.get(key) ?? [];
    groups.set(key, runs);
    const last = runs[runs.length - 1];
    if (last && continues(last, r)) {
      last.through = r.day;
      last.tokens += r.tokens;
      last.billed += r.billedFemto;
      last.catalog = last.catalog === null || r.catalogFemto === null ? null : last.catalog + r.catalogFemto;
    } else {
      runs.push({
        first: r,
        from: r.day,
        through: r.day,
        tokens: r.tokens,
        billed: r.billedFemto,
        catalog: r.catalogFemto,
        mismatch: isMismatch(r),
      });
    }
  }
  return [...groups.values()];
}

/** Every run where the bill and the catalog disagree, oldest first per model and kind. */
export function priceFindings(rates: readonly BilledRate[]): PriceFinding[] {
  return runsOf(rates).flatMap((runs) =>
    runs
      .map((run, i) => ({ run, current: i === runs.length - 1 }))
      .filter(({ run }) => run.mismatch)
      .map(({ run, current }) => ({
        source: run.first.source,
        model: run.first.model,
        kind: run.first.kind,
        tier: run.first.tier,
        from: run.from,
        through: run.through,
        current,
        tokens: run.tokens,
        billedFemto: run.billed,
        catalogFemto: run.catalog,
        priceSource: run.catalog === null ? null : run.first.priceSource,
      })),
  );
}

/** The bill's latest standard-tier rate for each model and kind where it contradicts or fills the catalog. */
export function learnedRates(findings: readonly PriceFinding[]): LearnedRate[] {
  return findings
    .filter((f) => f.current && f.tier === 'standard' && f.tokens > 0)
    .map((f) => ({
      source: f.source,
      model: f.model,
      kind: f.kind,
      from: f.from,
      femtoPerToken: (2n * f.billedFemto + BigInt(f.tokens)) / (2n * BigInt(f.tokens)),
    }));
}

/** USD per million tokens of femtodollars over tokens, as a number for display. */
export function usdPerMillion(femto: Femto, tokens: number): number {
  return tokens === 0 ? 0 : Number((femto * 1000n) / BigInt(tokens)) / 1e12;
}
