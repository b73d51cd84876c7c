/**
 * The billed sources' spend series for the view, priced one UTC day at a time and kept: after a
 * poll only the days its commit rewrote (their day_stamp moved) and the open day are read and
 * priced again, so a view costs about the same with two months or two years in the ledger. Rows
 * are read a day at a time and dropped once priced; what is kept is the priced cells (per hour
 * and source, and API key for the new-key rule, for days before the period: the forecast needs no more). Days are
 * priced again when the price overrides change or the rates learned from the bill do.
 */
import type { Catalog } from '../engine/catalog/catalog.ts';
import { billedRates, type BilledRate, type BillLine } from '../engine/billed-rates.ts';
import { withLearnedRates } from '../engine/learned-catalog.ts';
import { priceFindingView } from '../engine/price-finding-view.ts';
import { learnedRates, priceFindings } from '../engine/price-findings.ts';
import type { UnpricedUsage } from '../engine/price.ts';
import { seriesOfParts, spendSeries, type SpendCell, type SpendSeries } from '../engine/spend-series.ts';
import type { UsageRow } from '../engine/usage-row.ts';
import type { PriceFindingView, SourceKey } from '../engine/view-types.ts';
import type { Ledger, TimeRange } from './ledger/ledger.ts';

const DAY_MS = 86_400_000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
const keyOf = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** One UTC day's rows, while it is priced. */
interface DayRows {
  usage: UsageRow[];
  billed: Array<BillLine & { readonly workspace: string | null }>;
}

interface Day {
  readonly source: SourceKey;
  readonly day: string;
  /** The day's stamp when it was priced (0: not rewritten since schema 3). */
  stamp: number;
  /** The UTC day it was priced on: a day priced as today (estimates, not the bill) is priced again tomorrow. */
  pricedOn: string;
  rates: BilledRate[];
  /** A day before the period keeps its cells summed per hour, source and API key only (see hourly()). */
  series: SpendSeries;
  /** The series' cells are summed per hour (the day was before the period when it was priced). */
  compact: boolean;
  /** The learned rates the series was priced with. */
  catalogKey: string;
}

export interface BilledView {
  readonly catalog: Catalog;
  readonly findings: readonly PriceFindingView[];
  readonly series: SpendSeries;
}

export class ViewSeries {
  private days = new Map<string, Day>();
  private baseKey = '';
  private learned = { catalog: undefined as Catalog | undefined, key: keyOf([]) };
  /** The last answer, while no day changed. */
  private last: { key: string; view: BilledView } | undefined;

  /**
   * `base` is the catalog without learned rates, `baseKey` names it (the price overrides). Days
   * that end by `detailFrom` (the period's start) keep cells per hour and source only.
   */
  get(
    ledger: Ledger,
    sources: readonly SourceKey[],
    range: TimeRange,
    detailFrom: number,
    base: Catalog,
    baseKey: string,
    now: number,
  ): BilledView {
    if (baseKey !== this.baseKey) {
      this.days.clear();
      this.last = undefined;
      this.learned = { catalog: undefined, key: keyOf([]) };
    }
    this.baseKey = baseKey;
    const today = dayOf(now);
    const first = dayOf(range.from);
    const last = dayOf(range.to - 1);
    const wanted = new Set<string>();
    let changed = false;
    // Priced at first with the rates learned last time (almost always still the same ones).
    const guess = this.learned.catalog ?? base;
    for (const source of sources) {
      const stamps = ledger.dayStamps(source, first, last);
      const stale: string[] = [];
      for (let t = startOf(first); t < range.to; t += DAY_MS) {
        const day = dayOf(t);
        wanted.add(`${source}|${day}`);
        const known = this.days.get(`${source}|${day}`);
        if (
          !known ||
          known.stamp !== (stamps.get(day) ?? 0) ||
          (day >= known.pricedOn && known.pricedOn !== today) ||
          (known.compact && !before(day, detailFrom)) // the period now starts earlier (its settings changed)
        )
          stale.push(day);
      }
      changed ||= stale.length > 0;
      this.price(ledger, source, stale, (day, rows) => ({
        source,
        day,
        stamp: stamps.get(day) ?? 0,
        pricedOn: today,
        rates: billedRates(rows.billed, rows.usage, base, now),
        ...kept(day, spendSeries(rows.usage, rows.billed, guess, now), detailFrom),
        catalogKey: this.learned.key,
      }));
    }
    for (const key of this.days.keys())
      if (!wanted.has(key)) {
        this.days.delete(key);
        changed = true;
      }
    const lastKey = keyOf([sources, range, detailFrom]);
    if (!changed && this.last?.key === lastKey) return this.last.view;

    const rates = [...this.days.values()].flatMap((d) => d.rates).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const findings = priceFindings(rates);
    const learned = learnedRates(findings);
    const catalog = withLearnedRates(base, learned);
    const catalogKey = keyOf(learned);
    this.learned = { catalog, key: catalogKey };
    // The bill taught a new rate: every day's estimate is priced again with it.
    for (const source of sources) {
      const again = [...this.days.values()].filter((d) => d.source === source && d.catalogKey !== catalogKey);
      this.price(
        ledger,
        source,
        again.map((d) => d.day),
        (day, rows) => {
          const known = this.days.get(`${source}|${day}`)!;
          return { ...known, ...kept(day, spendSeries(rows.usage, rows.billed, catalog, now), detailFrom), catalogKey };
        },
      );
    }
    const view = { catalog, findings: findings.map(priceFindingView), series: this.merged(detailFrom) };
    this.last = { key: lastKey, view };
    return view;
  }

  /**
   * Reads some UTC days of one source one day at a time and keeps what `priced` makes of each. (A
   * week of the key-split history held at once, with the garbage of pricing it, set the service's
   * peak memory.)
   */
  private price(ledger: Ledger, source: SourceKey, days: readonly string[], priced: (day: string, rows: DayRows) => Day): void {
    for (const day of days) {
      const range = { from: startOf(day), to: startOf(day) + DAY_MS };
      const rows: DayRows = { usage: ledger.usage(source, range), billed: [] };
      for (const c of ledger.costs(source, range)) rows.billed.push({ ...c, femto: BigInt(c.femto) });
      this.days.set(`${source}|${day}`, priced(day, rows));
    }
  }

  /**
   * The days' series as one: cells and reconciliation side by side, unpriced usage summed per model.
   * Each day's cells are also a part of their own, which the view sums once (cell-sums.ts).
   */
  private merged(detailFrom: number): SpendSeries {
    const parts: Array<readonly SpendCell[]> = [];
    const reconciliation = [];
    const unpriced = new Map<string, UnpricedUsage>();
    for (const day of this.days.values()) {
      if (!day.compact && before(day.day, detailFrom)) Object.assign(day, kept(day.day, day.series, detailFrom));
      const { series } = day;
      if (series.cells.length > 0) parts.push(series.cells);
      reconciliation.push(...series.reconciliation);
      for (const u of series.unpriced) {
        const key = `${u.model}|${u.reason}`;
        const sum = unpriced.get(key);
        if (!sum) unpriced.set(key, { ...u });
        else {
          sum.inputTokens += u.inputTokens;
          sum.outputTokens += u.outputTokens;
          sum.cacheWriteTokens += u.cacheWriteTokens;
          sum.cacheReadTokens += u.cacheReadTokens;
          sum.webSearchRequests += u.webSearchRequests;
        }
      }
    }
    reconciliation.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.source.localeCompare(b.source)));
    return seriesOfParts(parts, [...unpriced.values()], reconciliation);
  }
}

/** The UTC day ends by `detailFrom` (the period's start). */
const before = (day: string, detailFrom: number) => startOf(day) + DAY_MS <= detailFrom;

/** What is kept of a priced day: before the period, its cells summed per hour (and key) only. */
function kept(day: string, series: SpendSeries, detailFrom: number): { series: SpendSeries; compact: boolean } {
  return before(day, detailFrom)
    ? { series: { ...series, cells: hourly(series.cells) }, compact: true }
    : { series, compact: false };
}

/**
 * A past day's cells per hour and API key: the forecast's history needs no model or workspace, but
 * the new-key rule needs to know which keys spent in the 30 days before (new-key-alerts.ts).
 */
function hourly(cells: readonly SpendCell[]): SpendCell[] {
  const byHour = new Map<string, SpendCell>();
  for (const c of cells) {
    const key = `${c.hour}|${c.apiKey === undefined ? '-' : (c.apiKey ?? '')}`;
    const sum = byHour.get(key);
    byHour.set(
      key,
      sum
        ? { ...sum, femto: sum.femto + c.femto, billed: sum.billed && c.billed }
        : {
            hour: c.hour,
            source: c.source,
            modelId: '(before the period)',
            femto: c.femto,
            billed: c.billed,
            ...(c.apiKey !== undefined ? { apiKey: c.apiKey } : {}),
          },
    );
  }
  return [...byHour.values()];
}
