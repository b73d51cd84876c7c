/**
 * OpenAI Codex CLI's local session logs: no key, priced with our catalog, an estimate
 * (../shared/reference/sources-2026-11.md, "OpenAI Codex CLI logs"). It sees the same requests the
 * OpenAI admin API bills, so it counts toward the budget only when no OpenAI source is configured.
 */
import type { UsageRow } from '../../engine/usage-row.ts';
import { LOCAL_LOG_SOURCE, localLogInstance } from '../local-log-instance.ts';
import type { SourceDefinition } from '../source-definition.ts';
import { codexHomes } from './codex-roots.ts';
import { CodexScanner, type CodexCell } from './codex-scanner.ts';

function usageRow(cell: CodexCell): UsageRow {
  return {
    start: new Date(cell.hour).toISOString(),
    source: 'codex',
    model: cell.model,
    // Codex counts cached input inside input_tokens; the engine prices the two apart.
    inputTokens: cell.inputTokens,
    cacheReadTokens: cell.cachedInputTokens,
    outputTokens: cell.outputTokens,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    webSearchRequests: 0,
    // An hour of turns summed: a bucket, never one long-context request.
    aggregated: true,
    ...(cell.priority ? { serviceTier: 'priority' } : {}),
  };
}

export const codexSource: SourceDefinition = {
  id: 'codex',
  label: 'Codex CLI (local logs)',
  ...LOCAL_LOG_SOURCE,
  duplicates: 'openai',
  create(setup) {
    const found = codexHomes(setup.env);
    if (found.homes.length === 0) return found.problem ? { problem: found.problem } : {};
    const scanner = new CodexScanner(found.homes);
    return {
      instance: localLogInstance({
        get cold() {
          return scanner.cold;
        },
        scan: ({ signal }) => scanner.refresh(signal),
        // An hour of turns is summed: each cell is a bucket, never one long-context request.
        usageRows: () => scanner.hourlyCells().map(usageRow),
      }),
      ...(found.problem ? { problem: found.problem } : {}),
    };
  },
};
