/**
 * Which sources count toward the budget. Claude Code's logs record the same requests the Anthropic
 * admin API bills, so by default they count only when no Anthropic admin source is configured; a
 * Claude Code subscription never counts as spend (it is a flat plan price).
 */
import type { SourceKey } from './view-types.ts';

export interface CountingRule {
  readonly countedSources: 'auto' | readonly SourceKey[];
  readonly configured: ReadonlySet<SourceKey>;
  readonly claudeCodeIsSubscription: boolean;
}

export function countedSources(rule: CountingRule): Set<SourceKey> {
  const counted = new Set<SourceKey>();
  if (rule.countedSources === 'auto') {
    for (const id of ['anthropic', 'openai'] as const) if (rule.configured.has(id)) counted.add(id);
    if (rule.configured.has('claude-code') && !rule.configured.has('anthropic')) counted.add('claude-code');
  } else {
    for (const id of rule.countedSources) if (rule.configured.has(id)) counted.add(id);
  }
  if (rule.claudeCodeIsSubscription) counted.delete('claude-code');
  return counted;
}
