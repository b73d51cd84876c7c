/**
 * Which sources count toward the budget. A local-log estimate sees the same requests that a billed
 * source bills (Claude Code's logs and the Anthropic admin API; Codex's logs and OpenAI's), so by
 * default it counts only when the source it duplicates is not configured. A source on a flat
 * subscription never counts as spend (its usage is shown as value against the plan price).
 */
import type { SourceKey } from './view-types.ts';

export interface CountedSourceFacts {
  readonly id: SourceKey;
  readonly configured: boolean;
  /** The billed source this estimate duplicates, if any (from its definition). */
  readonly duplicates?: SourceKey | undefined;
  readonly subscription?: boolean | undefined;
}

export interface CountingRule {
  readonly countedSources: 'auto' | readonly SourceKey[];
  readonly sources: readonly CountedSourceFacts[];
}

export function countedSources(rule: CountingRule): Set<SourceKey> {
  const configured = new Set(rule.sources.filter((s) => s.configured).map((s) => s.id));
  const counted = new Set<SourceKey>();
  for (const s of rule.sources) {
    if (!s.configured || s.subscription) continue;
    const wanted =
      rule.countedSources === 'auto'
        ? s.duplicates === undefined || !configured.has(s.duplicates)
        : rule.countedSources.includes(s.id);
    if (wanted) counted.add(s.id);
  }
  return counted;
}
