import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaudeCodeScanner } from '../../../../app/sources/claude-code/claude-scanner.ts';
import { messageIdOf } from '../../../helpers/claude-requests.ts';
import { assistantLine, tempDir } from '../../../helpers/claude-logs.ts';

describe('more than 65,535 model names', () => {
  it('the 65,537th model keeps its own name and tokens instead of wrapping onto the first', async () => {
    const dir = tempDir();
    const names = 65_537;
    // Short lines, each with only the fields a usage line needs (claude-code-logs.md §2.1).
    const line = (i: number, model: string, input: number) =>
      JSON.stringify({
        timestamp: '2026-11-20T10:00:00.000Z',
        version: '2.1.0',
        sessionId: 's',
        requestId: `r${i}`,
        message: { id: `m${i}`, model, usage: { input_tokens: input, output_tokens: 0 } },
      });
    const lines = Array.from({ length: names - 1 }, (_, i) => line(i, `custom-model-${i}`, 1));
    lines.push(assistantLine({ id: 'last', req: 'last', model: 'claude-sonnet-4-5-20250929', input: 777, output: 0 }));
    writeFileSync(join(dir, 'p.jsonl'), `${lines.join('\n')}\n`);
    const scanner = new ClaudeCodeScanner([dir]);
    await scanner.refresh();
    const last = scanner.requests().find((r) => messageIdOf(r) === 'last')!;
    expect(last.model).toBe('claude-sonnet-4-5-20250929');
    const rows = scanner.usageRows(() => undefined);
    expect(rows).toHaveLength(names);
    expect(rows.find((r) => r.model === 'claude-sonnet-4-5-20250929')?.inputTokens).toBe(777);
    expect(rows.find((r) => r.model === 'custom-model-0')?.inputTokens).toBe(1);
  });
});
