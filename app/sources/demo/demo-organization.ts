/**
 * The simulated organization: seeded, hour-by-hour usage for Anthropic and OpenAI models, computed
 * from coordinates (any hour on demand, in any order), with nothing after `now`. Its billed costs are
 * priced with the shared engine, so the demo bill and our estimate agree as a real bill would.
 */
import type { Catalog } from '../../engine/catalog/catalog.ts';
import { isPriced, priceRow } from '../../engine/price.ts';
import type { UsageRow } from '../../engine/usage-row.ts';
import { DEMO_LEAKED_KEY, leakStart } from './demo-api-keys.ts';
import { noise } from './demo-noise.ts';
import { providerCatalog, type DemoPriceChange } from './demo-price-changes.ts';
import { scenario, type Scenario, type ScenarioName } from './demo-scenarios.ts';

export const HOUR_MS = 3_600_000;

/** The demo's one model our catalog does not price: its usage is unpriced, its bill lines carry its dollars. */
export const UNLISTED_OPENAI_MODEL = 'gpt-6-preview-2026-11-12';
/** What the simulated provider bills for it, femtodollars per token ($5 / $20 per MTok). */
const UNLISTED_FEMTO_PER_TOKEN = { input: 5_000_000_000n, output: 20_000_000_000n } as const;
export const DAY_MS = 24 * HOUR_MS;

/** One Anthropic usage combination for one hour, with every dimension filled in. */
export interface DemoAnthropicRecord {
  readonly model: string;
  readonly workspaceId: string | null;
  readonly serviceTier: 'standard' | 'batch';
  readonly contextWindow: '0-200k' | '200k-1M';
  readonly inferenceGeo: 'global' | 'us' | 'not_available';
  readonly uncachedInputTokens: number;
  readonly outputTokens: number;
  readonly cacheWrite5mTokens: number;
  readonly cacheWrite1hTokens: number;
  readonly cacheReadTokens: number;
  readonly webSearchRequests: number;
}

export interface DemoOpenAiRecord {
  readonly model: string;
  readonly projectId: string;
  readonly batch: boolean;
  readonly inputTokens: number;
  readonly inputCachedTokens: number;
  readonly outputTokens: number;
  readonly requests: number;
  /** Usage of one key only (the leaked key); otherwise the project's keys share it (demo-api-keys.ts). */
  readonly apiKeyId?: string;
}

interface ModelProfile {
  readonly model: string;
  /** Hourly tokens at rate 1: input, output, 5m write, 1h write, cache read. */
  readonly tokens: readonly [number, number, number, number, number];
  readonly batchShare: number;
  readonly longContextShare: number;
  readonly usShare: number;
  readonly geoSupported: boolean;
  readonly webSearchPerHour: number;
}

const ANTHROPIC_PROFILES: readonly ModelProfile[] = [
  {
    model: 'claude-sonnet-4-5-20250929',
    tokens: [180_000, 30_000, 60_000, 12_000, 900_000],
    batchShare: 0.15,
    longContextShare: 0.1,
    usShare: 0,
    geoSupported: false,
    webSearchPerHour: 12,
  },
  {
    model: 'claude-opus-4-5-20251101',
    tokens: [40_000, 9_000, 15_000, 0, 300_000],
    batchShare: 0,
    longContextShare: 0,
    usShare: 0,
    geoSupported: false,
    webSearchPerHour: 0,
  },
  {
    model: 'claude-haiku-4-5-20251001',
    tokens: [500_000, 60_000, 40_000, 0, 1_200_000],
    batchShare: 0.4,
    longContextShare: 0,
    usShare: 0,
    geoSupported: false,
    webSearchPerHour: 0,
  },
  {
    model: 'claude-sonnet-5-5',
    tokens: [120_000, 20_000, 30_000, 10_000, 700_000],
    batchShare: 0.1,
    longContextShare: 0,
    usShare: 0.3,
    geoSupported: true,
    webSearchPerHour: 4,
  },
];

const OPENAI_PROFILES = [
  { model: 'gpt-5-2025-08-07', input: 150_000, cachedShare: 0.4, output: 25_000, batchShare: 0 },
  { model: 'gpt-5-mini-2025-08-07', input: 600_000, cachedShare: 0.35, output: 90_000, batchShare: 0.3 },
  { model: 'gpt-4.1-nano-2025-04-14', input: 900_000, cachedShare: 0.2, output: 120_000, batchShare: 0 },
  // A model newer than any catalog: real organizations use previews before price lists name them.
  { model: UNLISTED_OPENAI_MODEL, input: 20_000, cachedShare: 0, output: 6_000, batchShare: 0 },
] as const;

const WORKSPACES = [
  { id: 'wrkspc_01DemoProduction', share: 0.7 },
  { id: null, share: 0.3 },
] as const;

/** Busy in the (UTC) afternoon, quiet at night. */
function hourCurve(hour: number): number {
  return 0.25 + 1.5 * Math.exp(-((hour - 17) ** 2) / 20);
}

export interface DemoOptions {
  readonly seed: number;
  readonly scenario: ScenarioName;
  /** The simulated present: no usage after it, a partial hour up to it. */
  readonly now: () => Date;
  /** When usage begins; default: the first day of the UTC month before `now`. */
  readonly origin?: number;
  /** Prices the simulated provider bills that differ from our catalog (default: none). */
  readonly priceChanges?: readonly DemoPriceChange[];
  /**
   * A leaked CI key starts spending two days before `now` (demo-api-keys.ts): on in demo mode, to
   * show the "new key spending" alert; off by default, so an ordinary month stays ordinary.
   */
  readonly leakedKey?: boolean;
}

export class DemoOrganization {
  readonly scenarioName: ScenarioName;
  private readonly pattern: Scenario;
  private readonly catalog: Catalog;

  constructor(private readonly options: DemoOptions) {
    this.catalog = providerCatalog(options.priceChanges ?? []);
    this.scenarioName = options.scenario;
    this.pattern = scenario(options.scenario);
  }

  /** Usage starts at the beginning of the previous UTC month, so a forecast has history to learn from. */
  origin(): number {
    if (this.options.origin !== undefined) return this.options.origin;
    const now = this.options.now();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  }

  now(): number {
    return this.options.now().getTime();
  }

  /** How much of an hour has happened: 1 in the past, a fraction for the current hour, 0 later. */
  private elapsed(hourStart: number): number {
    if (hourStart < this.origin()) return 0;
    return Math.max(0, Math.min(1, (this.now() - hourStart) / HOUR_MS));
  }

  private rate(hourStart: number, salt: number): number {
    const days = Math.floor((hourStart - this.origin()) / DAY_MS);
    const date = new Date(hourStart);
    const hour = date.getUTCHours();
    const jitter = 0.6 + 0.8 * noise(this.options.seed, Math.floor(hourStart / HOUR_MS), salt);
    const dayMood = 0.85 + 0.3 * noise(this.options.seed, days, salt, 7);
    return (
      this.pattern.weekday(date.getUTCDay()) *
      this.pattern.trend(days) *
      this.pattern.burst(days, hour) *
      hourCurve(hour) *
      jitter *
      dayMood
    );
  }

  anthropicHour(hourStart: number): DemoAnthropicRecord[] {
    const done = this.elapsed(hourStart);
    if (done === 0) return [];
    const records: DemoAnthropicRecord[] = [];
    ANTHROPIC_PROFILES.forEach((profile, index) => {
      const f = this.rate(hourStart, index) * done;
      for (const [tierIndex, tier] of (['standard', 'batch'] as const).entries()) {
        const tierShare = tier === 'batch' ? profile.batchShare : 1 - profile.batchShare;
        for (const ctx of ['0-200k', '200k-1M'] as const) {
          const ctxShare = ctx === '200k-1M' ? profile.longContextShare : 1 - profile.longContextShare;
          for (const geo of profile.geoSupported ? (['global', 'us'] as const) : (['not_available'] as const)) {
            const geoShare = geo === 'us' ? profile.usShare : profile.geoSupported ? 1 - profile.usShare : 1;
            for (const [wsIndex, workspace] of WORKSPACES.entries()) {
              const share = f * tierShare * ctxShare * geoShare * workspace.share;
              if (share <= 0) continue;
              const wobble = (k: number) =>
                0.9 + 0.2 * noise(this.options.seed, Math.floor(hourStart / HOUR_MS), index, tierIndex, wsIndex, k);
              const t = (k: number) => Math.floor((profile.tokens[k] ?? 0) * share * wobble(k));
              const record: DemoAnthropicRecord = {
                model: profile.model,
                workspaceId: workspace.id,
                serviceTier: tier,
                contextWindow: ctx,
                inferenceGeo: geo,
                uncachedInputTokens: t(0),
                outputTokens: t(1),
                cacheWrite5mTokens: t(2),
                cacheWrite1hTokens: t(3),
                cacheReadTokens: t(4),
                webSearchRequests: tier === 'standard' ? Math.floor(profile.webSearchPerHour * share) : 0,
              };
              if (record.uncachedInputTokens + record.outputTokens + record.cacheReadTokens > 0) records.push(record);
            }
          }
        }
      }
    });
    return records;
  }

  openaiHour(hourStart: number): DemoOpenAiRecord[] {
    const done = this.elapsed(hourStart);
    if (done === 0) return [];
    return [...this.openaiProfilesHour(hourStart, done), ...this.leakedKeyHour(hourStart, done)];
  }

  /**
   * A key nobody used before, burning about $9 an hour on GPT-5 for three hours from two days
   * before the simulated present, then a tenth of that: a leaked CI key (demo-api-keys.ts).
   */
  private leakedKeyHour(hourStart: number, done: number): DemoOpenAiRecord[] {
    if (!this.options.leakedKey) return [];
    const start = leakStart(this.now());
    if (hourStart < start || hourStart < this.origin()) return [];
    const f = (hourStart < start + 3 * HOUR_MS ? 1 : 0.1) * done;
    const input = Math.floor(2_400_000 * f);
    if (input === 0) return [];
    return [
      {
        model: 'gpt-5-2025-08-07',
        projectId: 'proj_DemoApp',
        batch: false,
        inputTokens: input,
        inputCachedTokens: 0,
        outputTokens: Math.floor(600_000 * f),
        requests: Math.max(1, Math.floor(900 * f)),
        apiKeyId: DEMO_LEAKED_KEY,
      },
    ];
  }

  private openaiProfilesHour(hourStart: number, done: number): DemoOpenAiRecord[] {
    return OPENAI_PROFILES.flatMap((profile, index) => {
      const f = this.rate(hourStart, 100 + index) * done;
      return [false, true].flatMap((batch) => {
        const share = f * (batch ? profile.batchShare : 1 - profile.batchShare);
        const input = Math.floor(profile.input * share);
        if (input === 0) return [];
        return [
          {
            model: profile.model,
            projectId: 'proj_DemoApp',
            batch,
            inputTokens: input,
            inputCachedTokens: Math.floor(input * profile.cachedShare),
            outputTokens: Math.floor(profile.output * share),
            requests: Math.max(1, Math.floor(share * 400)),
          },
        ];
      });
    });
  }

  /** The engine's view of an Anthropic record, for billing the simulated organization. */
  static anthropicUsageRow(record: DemoAnthropicRecord, hourStart: number): UsageRow {
    return {
      start: new Date(hourStart).toISOString(),
      source: 'anthropic',
      model: record.model,
      serviceTier: record.serviceTier,
      contextWindow: record.contextWindow,
      inferenceGeo: record.inferenceGeo,
      inputTokens: record.uncachedInputTokens,
      outputTokens: record.outputTokens,
      cacheWrite5mTokens: record.cacheWrite5mTokens,
      cacheWrite1hTokens: record.cacheWrite1hTokens,
      cacheReadTokens: record.cacheReadTokens,
      webSearchRequests: record.webSearchRequests,
    };
  }

  static openaiUsageRow(record: DemoOpenAiRecord, hourStart: number): UsageRow {
    return {
      start: new Date(hourStart).toISOString(),
      source: 'openai',
      model: record.model,
      serviceTier: record.batch ? 'batch' : 'standard',
      inputTokens: record.inputTokens - record.inputCachedTokens,
      outputTokens: record.outputTokens,
      cacheWrite5mTokens: 0,
      cacheWrite1hTokens: 0,
      cacheReadTokens: record.inputCachedTokens,
      webSearchRequests: 0,
    };
  }

  /** Billed femtodollars of one usage row, by cost line kind. */
  bill(row: UsageRow): Array<{ kind: string; femto: bigint; tokens: number }> {
    if (row.model === UNLISTED_OPENAI_MODEL)
      return [
        { kind: 'input', tokens: row.inputTokens, femto: BigInt(row.inputTokens) * UNLISTED_FEMTO_PER_TOKEN.input },
        { kind: 'output', tokens: row.outputTokens, femto: BigInt(row.outputTokens) * UNLISTED_FEMTO_PER_TOKEN.output },
      ].filter((line) => line.tokens > 0);
    const priced = priceRow(row, this.catalog);
    if (!isPriced(priced)) throw new Error(`demo model ${row.model} is not in the catalog`);
    return priced.lines.map((line) => ({ kind: line.kind, femto: line.femto, tokens: line.quantity }));
  }
}
