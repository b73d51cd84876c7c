/**
 * The JSON ledger Spendbar used before ledger.db (app/sources/ledger/ledger.ts at commit eff98a3),
 * kept here only as the benchmark's reference: the whole history in memory, filtered and rewritten
 * as one file on every commit; the view priced the whole history.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildView } from '../../app/engine/build-view.ts';
import { buildCatalog } from '../../app/engine/catalog/catalog.ts';
import type { SourceKey } from '../../app/engine/view-types.ts';
import type { Settings } from '../../app/shared/settings-schema.ts';
import { writeFileAtomic } from '../../app/sources/atomic-file.ts';
import { emptyLedger, parseLedger, type LedgerDocument } from '../../app/sources/ledger/ledger-format.ts';
import type { LedgerChange } from '../../app/sources/ledger/ledger.ts';

export class JsonLedger {
  private constructor(
    readonly path: string,
    private doc: LedgerDocument,
  ) {}

  static open(home: string): JsonLedger {
    const path = join(home, 'ledger.json');
    if (!existsSync(path)) return new JsonLedger(path, emptyLedger());
    const parsed = parseLedger(readFileSync(path, 'utf8'));
    if (typeof parsed === 'string') throw new Error(parsed);
    return new JsonLedger(path, parsed);
  }

  commit(change: LedgerChange): void {
    let usage = this.doc.usage;
    for (const w of change.usage ?? []) {
      usage = usage.filter((r) => r.source !== change.source || r.start < w.from || r.start >= w.to);
      usage = usage.concat(w.rows);
    }
    let costs = this.doc.costs;
    for (const w of change.costs ?? []) {
      costs = costs.filter((r) => r.source !== change.source || r.day < w.fromDay || r.day >= w.toDay);
      costs = costs.concat(w.rows);
    }
    const sync = change.sync
      ? { ...this.doc.sync, [change.source]: { ...this.doc.sync[change.source], ...change.sync } }
      : this.doc.sync;
    const next: LedgerDocument = { ...this.doc, usage, costs, sync };
    writeFileAtomic(this.path, JSON.stringify(next));
    this.doc = next;
  }

  /** The old SpendService.view(): every stored row of the wanted sources, priced. */
  view(settings: Settings, now: number): ReturnType<typeof buildView> {
    const wanted = new Set<SourceKey>(['anthropic', 'openai']);
    const catalog = buildCatalog(settings.priceOverrides);
    const usage = this.doc.usage.filter((r) => wanted.has(r.source));
    const billed = this.doc.costs
      .filter((c) => wanted.has(c.source))
      .map((c) => ({ source: c.source, day: c.day, femto: BigInt(c.femto) }));
    return buildView({
      now,
      timeZone: settings.timeZone,
      periodStartDay: settings.periodStartDay,
      capUsd: settings.capUsd,
      sourceCaps: settings.sourceCaps,
      thresholds: settings.thresholds,
      countedSources: settings.countedSources,
      subscriptionUsd: settings.claudeCodeSubscriptionUsd,
      catalog,
      usage,
      billed,
      sources: [...wanted].map((id) => ({ id, label: id, configured: true, estimate: false, state: 'loading' as const })),
      alertState: undefined,
      demo: true,
      notices: [],
      staleAfterMs: 15 * 60_000,
    });
  }
}
