/**
 * The normalized history on disk: usage rows and billed-cost rows per source. A fetch replaces the
 * window it covers (so re-fetching a bucket never counts it twice), all in one atomic write.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceId } from '../../engine/usage-row.ts';
import { writeFileAtomic } from '../atomic-file.ts';
import type { BilledCost, StoredUsage } from '../billed-cost.ts';
import { emptyLedger, LEDGER_FILE, parseLedger, type LedgerDocument, type SyncMark } from './ledger-format.ts';

/** What one successful sync of a source changes. Windows are [from, to) in ISO time / UTC days. */
export interface LedgerChange {
  readonly source: SourceId;
  readonly usage?: ReadonlyArray<{ readonly from: string; readonly to: string; readonly rows: readonly StoredUsage[] }>;
  readonly costs?: ReadonlyArray<{ readonly fromDay: string; readonly toDay: string; readonly rows: readonly BilledCost[] }>;
  readonly sync?: SyncMark;
}

function usageKey(r: StoredUsage): string {
  return [
    r.start,
    r.width,
    r.model,
    r.serviceTier ?? '',
    r.contextWindow ?? '',
    r.inferenceGeo ?? '',
    r.speed ?? '',
    r.workspace ?? '',
  ].join('|');
}

function costKey(r: BilledCost): string {
  return [r.day, r.model ?? '', r.description ?? '', r.workspace ?? '', r.line].join('|');
}

/** Rows with the same key in one fetch are one bucket seen twice (a page overlap): keep the last. */
function unique<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [key(row), row])).values()];
}

export class Ledger {
  private constructor(
    readonly path: string,
    private doc: LedgerDocument,
    /** Set when the file on disk was unreadable and was moved aside. */
    readonly problem: string | undefined,
  ) {}

  static open(home: string, now: () => Date = () => new Date()): Ledger {
    const path = join(home, LEDGER_FILE);
    if (!existsSync(path)) return new Ledger(path, emptyLedger(), undefined);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      return new Ledger(
        path,
        emptyLedger(),
        `The ledger could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); history will be fetched again.`,
      );
    }
    const parsed = parseLedger(text);
    if (typeof parsed !== 'string') return new Ledger(path, parsed, undefined);
    const aside = join(home, `ledger.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(path, aside);
    return new Ledger(
      path,
      emptyLedger(),
      `The ledger was unreadable (${parsed}); it was moved to ${aside} and is being rebuilt from the sources.`,
    );
  }

  usage(source?: SourceId): readonly StoredUsage[] {
    return source ? this.doc.usage.filter((r) => r.source === source) : this.doc.usage;
  }

  costs(source?: SourceId): readonly BilledCost[] {
    return source ? this.doc.costs.filter((r) => r.source === source) : this.doc.costs;
  }

  syncMark(source: SourceId): SyncMark {
    return this.doc.sync[source] ?? {};
  }

  /** Applies one sync's result and writes the file atomically; on a write error nothing changes in memory. */
  commit(change: LedgerChange): void {
    let usage = this.doc.usage;
    for (const window of change.usage ?? []) {
      usage = usage.filter((r) => r.source !== change.source || r.start < window.from || r.start >= window.to);
      usage = usage.concat(unique(window.rows, usageKey));
    }
    let costs = this.doc.costs;
    for (const window of change.costs ?? []) {
      costs = costs.filter((r) => r.source !== change.source || r.day < window.fromDay || r.day >= window.toDay);
      costs = costs.concat(unique(window.rows, costKey));
    }
    const sync = change.sync
      ? { ...this.doc.sync, [change.source]: { ...this.doc.sync[change.source], ...change.sync } }
      : this.doc.sync;
    const next: LedgerDocument = { ...this.doc, usage, costs, sync };
    writeFileAtomic(this.path, JSON.stringify(next));
    this.doc = next;
  }
}
