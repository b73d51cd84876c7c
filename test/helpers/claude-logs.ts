/** Builds Claude Code transcript lines and trees in temp folders, in the real on-disk format. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { rememberMessageId } from './claude-requests.ts';

export interface LineSpec {
  id?: string | null;
  req?: string | null;
  model?: string | null;
  input?: number;
  output?: number;
  cacheWrite?: number;
  cacheRead?: number;
  cache1h?: number;
  ts?: string;
  sidechain?: boolean;
  session?: string;
  speed?: string;
}

export function assistantLine(spec: LineSpec): string {
  rememberMessageId(typeof spec.id === 'string' ? spec.id : 'msg_1');
  const usage: Record<string, unknown> = {
    input_tokens: spec.input ?? 10,
    cache_creation_input_tokens: (spec.cacheWrite ?? 0) + (spec.cache1h ?? 0),
    cache_read_input_tokens: spec.cacheRead ?? 0,
    output_tokens: spec.output ?? 5,
    service_tier: 'standard',
  };
  if (spec.cache1h !== undefined)
    usage.cache_creation = { ephemeral_5m_input_tokens: spec.cacheWrite ?? 0, ephemeral_1h_input_tokens: spec.cache1h };
  if (spec.speed !== undefined) usage.speed = spec.speed;
  return JSON.stringify({
    parentUuid: 'p',
    isSidechain: spec.sidechain ?? false,
    userType: 'external',
    cwd: '/home/dev/project',
    sessionId: spec.session ?? 'session-a',
    version: '2.1.0',
    message: {
      id: spec.id === undefined ? 'msg_1' : spec.id,
      type: 'message',
      role: 'assistant',
      model: spec.model === undefined ? 'claude-sonnet-4-5-20250929' : spec.model,
      content: [{ type: 'text', text: 'hi' }],
      stop_reason: 'end_turn',
      usage,
    },
    requestId: spec.req === undefined ? 'req_1' : spec.req,
    type: 'assistant',
    uuid: 'u',
    timestamp: spec.ts ?? '2026-11-20T10:00:00.000Z',
  });
}

export const userLine = (text = 'please fix the bug') =>
  JSON.stringify({ type: 'user', message: { role: 'user', content: text }, timestamp: '2026-11-20T09:59:00.000Z' });

export function tempDir(prefix = 'spendbar-claude-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeLines(path: string, lines: string[], trailingNewline = true): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n') + (trailingNewline ? '\n' : ''));
}
