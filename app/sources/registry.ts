/**
 * Every source Spendbar knows, in the order the popover lists them. Adding a source is one folder
 * under app/sources/ exporting a SourceDefinition, and one line here.
 */
import { anthropicSource } from './anthropic/anthropic-source.ts';
import { claudeCodeSource } from './claude-code/claude-code-source.ts';
import { codexSource } from './codex/codex-source.ts';
import { openAiSource } from './openai/openai-source.ts';
import { openRouterSource } from './openrouter/openrouter-source.ts';
import type { SourceDefinition } from './source-definition.ts';

export const SOURCE_REGISTRY: readonly SourceDefinition[] = [
  anthropicSource,
  openAiSource,
  openRouterSource,
  claudeCodeSource,
  codexSource,
];

export function sourceDefinition(
  id: string,
  registry: readonly SourceDefinition[] = SOURCE_REGISTRY,
): SourceDefinition | undefined {
  return registry.find((s) => s.id === id);
}
