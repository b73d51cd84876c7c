/**
 * Sums the cost of many usage rows exactly and fast: tokens are summed per rate class and time
 * slot (plain integer adds), and each sum is multiplied by its rate once, in bigint, at the end.
 * So a year of rows prices in one pass and the total matches decimal arithmetic to the femtodollar.
 */
import type { Catalog } from './catalog/catalog.ts';
import type { Femto } from './money.ts';
import { addToUnpriced, emptyUnpriced, resolveRates, type UnpricedUsage } from './price.ts';
import type { EffectiveRates } from './price-rates.ts';
import {
  addSlots,
  SLOT_INPUT,
  SLOT_OUTPUT,
  SLOT_READ,
  SLOT_WEB_SEARCH,
  SLOT_WRITE_1H,
  SLOT_WRITE_5M,
  TOKEN_SLOTS,
} from './token-slots.ts';
import { promptTokens, type SourceId, type UsageRow } from './usage-row.ts';

export interface GroupCost {
  femto: Femto;
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  webSearchRequests: number;
}

/** What a group key may depend on: the time slot (day "YYYY-MM-DD" or hour "YYYY-MM-DDTHH"), model, source, workspace. */
export interface GroupDims {
  readonly slot: string;
  readonly modelId: string;
  readonly source: SourceId;
  /** As the row reported it: an id, null for the default workspace, undefined where there are none. */
  readonly workspace: string | null | undefined;
  /** The API key id as the row reported it (see UsageRow.apiKey). */
  readonly apiKey: string | null | undefined;
}

export type GroupOf = (dims: GroupDims) => string;

/** Token sums of one rate class in one time slot, in the order of token-slots.ts. */
interface SlotSums {
  readonly slot: string;
  readonly rates: EffectiveRates;
  readonly sums: number[];
}

/** Rows of one reported model with the same modifiers: they differ only by time slot. */
interface RateClass {
  readonly model: string;
  readonly tier: string;
  readonly band: string;
  readonly geo: string;
  readonly speed: string;
  readonly source: SourceId;
  readonly workspace: string | null | undefined;
  readonly apiKey: string | null | undefined;
  modelId: string;
  /** Rates for the price version of the last slot seen, and the days they hold for. */
  rates: EffectiveRates;
  validFrom: string;
  validUntil: string;
  last: SlotSums;
  readonly slots: Map<string, SlotSums>;
}

/** The rates as plain numbers (every catalog rate is far below 2^53 femtodollars a token). */
const numericRates = new WeakMap<EffectiveRates, number[]>();

function ratesAsNumbers(rates: EffectiveRates): number[] {
  let numbers = numericRates.get(rates);
  if (!numbers) {
    const t = rates.tokens;
    numbers = new Array<number>(TOKEN_SLOTS);
    numbers[SLOT_INPUT] = Number(t.input);
    numbers[SLOT_OUTPUT] = Number(t.output);
    numbers[SLOT_WRITE_5M] = Number(t.cache_write_5m);
    numbers[SLOT_WRITE_1H] = Number(t.cache_write_1h);
    numbers[SLOT_READ] = Number(t.cache_read);
    numbers[SLOT_WEB_SEARCH] = Number(rates.webSearchPerRequest ?? 0n);
    numericRates.set(rates, numbers);
  }
  return numbers;
}

/**
 * tokens × rate for each kind, summed. While every product and the running sum stay below 2^53
 * (they nearly always do), plain numbers are exact integers and much faster than bigint; past
 * that, the same sum is done in bigint.
 */
function slotCost(rates: EffectiveRates, sums: readonly number[]): Femto {
  const r = ratesAsNumbers(rates);
  let total = 0;
  for (let k = 0; k < TOKEN_SLOTS; k++) {
    total += sums[k]! * r[k]!;
    if (total > Number.MAX_SAFE_INTEGER) return slotCostBig(rates, sums);
  }
  return BigInt(total);
}

function slotCostBig(rates: EffectiveRates, sums: readonly number[]): Femto {
  const t = rates.tokens;
  const big = (slot: number) => BigInt(sums[slot]!);
  let femto = big(SLOT_INPUT) * t.input + big(SLOT_OUTPUT) * t.output + big(SLOT_WRITE_5M) * t.cache_write_5m;
  femto += big(SLOT_WRITE_1H) * t.cache_write_1h + big(SLOT_READ) * t.cache_read;
  if (rates.webSearchPerRequest !== undefined) femto += big(SLOT_WEB_SEARCH) * rates.webSearchPerRequest;
  return femto;
}

export class CostAggregator {
  private readonly classesByModel = new Map<string, RateClass[]>();
  private readonly unpriced = new Map<string, UnpricedUsage>();
  private readonly thresholds: number[];
  private readonly windows: number[];
  private readonly slotLength: number;

  constructor(
    private readonly catalog: Catalog,
    private readonly groupOf: GroupOf = () => 'total',
    resolution: 'day' | 'hour' = 'day',
  ) {
    const tiers = catalog.entries.flatMap((e) => e.versions.flatMap((v) => (v.longContext ? [v.longContext] : [])));
    this.thresholds = [...new Set(tiers.map((t) => t.thresholdTokens))];
    this.windows = [...new Set(tiers.map((t) => t.contextWindowTokens))];
    this.slotLength = resolution === 'day' ? 10 : 13;
  }

  /** The usage report's context bucket, or which thresholds and windows a single request crosses. */
  private bandOf(row: UsageRow): string {
    if (row.contextWindow) return row.contextWindow;
    const prompt = promptTokens(row);
    let band = '';
    for (const threshold of this.thresholds) band += prompt > threshold ? '1' : '0';
    for (const window of this.windows) band += prompt + row.outputTokens > window ? '1' : '0';
    return band;
  }

  add(row: UsageRow): void {
    const band = this.bandOf(row);
    const tier = row.serviceTier ?? '';
    const geo = row.inferenceGeo ?? '';
    const speed = row.speed ?? '';
    const workspace = row.workspace;
    const apiKey = row.apiKey;
    let classes = this.classesByModel.get(row.model);
    if (!classes) this.classesByModel.set(row.model, (classes = []));
    let rateClass: RateClass | undefined;
    for (const c of classes) {
      if (
        c.band === band &&
        c.tier === tier &&
        c.geo === geo &&
        c.speed === speed &&
        c.source === row.source &&
        c.workspace === workspace &&
        c.apiKey === apiKey
      ) {
        rateClass = c;
        break;
      }
    }
    const slot =
      rateClass && row.start.startsWith(rateClass.last.slot)
        ? rateClass.last
        : this.slotFor(row, rateClass, classes, { band, tier, geo, speed, workspace, apiKey });
    if (!slot) return;
    addSlots(row, slot.sums, 0);
  }

  /** A row in a new time slot, or of a new rate class: find or create its sums, re-pricing only across a price change. */
  private slotFor(
    row: UsageRow,
    existing: RateClass | undefined,
    classes: RateClass[],
    mods: {
      band: string;
      tier: string;
      geo: string;
      speed: string;
      workspace: string | null | undefined;
      apiKey: string | null | undefined;
    },
  ): SlotSums | undefined {
    const slot = row.start.slice(0, this.slotLength);
    let rateClass = existing;
    if (rateClass) {
      const known = rateClass.slots.get(slot);
      if (known) return (rateClass.last = known);
    }
    const day = slot.slice(0, 10);
    if (!rateClass || day < rateClass.validFrom || day >= rateClass.validUntil) {
      const resolved = resolveRates(row, this.catalog);
      if (!resolved) {
        let unpriced = this.unpriced.get(row.model);
        if (!unpriced)
          this.unpriced.set(
            row.model,
            (unpriced = emptyUnpriced(row.model, 'not in the price catalog; add a price in Settings')),
          );
        addToUnpriced(unpriced, row);
        return undefined;
      }
      if (!rateClass) {
        const placeholder: SlotSums = { slot: '\u0000', rates: resolved.rates, sums: [] };
        rateClass = {
          ...mods,
          model: row.model,
          source: row.source,
          modelId: resolved.entry.id,
          rates: resolved.rates,
          validFrom: resolved.validFrom,
          validUntil: resolved.validUntil,
          last: placeholder,
          slots: new Map(),
        };
        classes.push(rateClass);
      } else {
        rateClass.rates = resolved.rates;
        rateClass.validFrom = resolved.validFrom;
        rateClass.validUntil = resolved.validUntil;
      }
    }
    const sums: SlotSums = { slot, rates: rateClass.rates, sums: new Array<number>(TOKEN_SLOTS).fill(0) };
    rateClass.slots.set(slot, sums);
    return (rateClass.last = sums);
  }

  addAll(rows: Iterable<UsageRow>): this {
    for (const row of rows) this.add(row);
    return this;
  }

  groups(): Map<string, GroupCost> {
    const out = new Map<string, GroupCost>();
    for (const classes of this.classesByModel.values()) {
      for (const rateClass of classes) {
        for (const { slot, rates, sums } of rateClass.slots.values()) {
          const femto = slotCost(rates, sums);
          const { modelId, source, workspace, apiKey } = rateClass;
          const group = this.groupOf({ slot, modelId, source, workspace, apiKey });
          let cost = out.get(group);
          if (!cost)
            out.set(
              group,
              (cost = {
                femto: 0n,
                inputTokens: 0,
                outputTokens: 0,
                cacheWriteTokens: 0,
                cacheReadTokens: 0,
                webSearchRequests: 0,
              }),
            );
          cost.femto += femto;
          cost.inputTokens += sums[SLOT_INPUT]!;
          cost.outputTokens += sums[SLOT_OUTPUT]!;
          cost.cacheWriteTokens += sums[SLOT_WRITE_5M]! + sums[SLOT_WRITE_1H]!;
          cost.cacheReadTokens += sums[SLOT_READ]!;
          cost.webSearchRequests += sums[SLOT_WEB_SEARCH]!;
        }
      }
    }
    return out;
  }

  total(): Femto {
    let sum = 0n;
    for (const cost of this.groups().values()) sum += cost.femto;
    return sum;
  }

  unpricedUsage(): UnpricedUsage[] {
    return [...this.unpriced.values()];
  }
}
