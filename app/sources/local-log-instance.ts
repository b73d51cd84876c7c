/**
 * The instance shape both local-log sources share (Claude Code, Codex CLI): a scanner that keeps its
 * rows in memory, reads only what was appended after its first (cold) scan, and reports skipped lines
 * as warnings for the popover's notices.
 */
import type { Catalog } from '../engine/catalog/catalog.ts';
import type { UsageRow } from '../engine/usage-row.ts';
import type { RefreshContext, SourceDefinition, SourceInstance } from './source-definition.ts';

export interface LocalLogScan {
  /** True until the first full scan has finished. */
  readonly cold: boolean;
  /** One incremental read; returns what could not be read, in words a user can act on. */
  scan(ctx: RefreshContext): Promise<{ readonly warnings: readonly string[] }>;
  usageRows(catalog: Catalog): UsageRow[];
}

export function localLogInstance(logs: LocalLogScan): SourceInstance {
  // The last scan's warnings stay shown until the next scan replaces them.
  let warnings: readonly string[] = [];
  return {
    get cold() {
      return logs.cold;
    },
    async refresh(ctx) {
      warnings = (await logs.scan(ctx)).warnings;
    },
    usageRows: (catalog) => logs.usageRows(catalog),
    warnings: () => warnings,
  };
}

/** What every local-log source declares alike: an estimate, no key, polled each minute for free. */
export const LOCAL_LOG_SOURCE = {
  truth: 'estimate',
  credential: { kind: 'none' },
  pollMinutes: { default: 1, min: 1 },
  pollCost: 'free; reads only what was appended to the logs since the last poll',
  inDemo: false,
} as const satisfies Partial<SourceDefinition>;
