/**
 * A generated Claude Code log tree of a given size, in the real format: sessions with streaming
 * duplicates, resumed sessions that copy earlier lines, user and tool lines, and a few multi-MB
 * file-history snapshots. Reused between runs (a marker file records what was generated).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../helpers/random.ts';

const MODELS = ['claude-sonnet-4-5-20250929', 'claude-opus-4-5-20251101', 'claude-haiku-4-5-20251001', 'claude-sonnet-5-5'];

function assistant(random: () => number, id: number, session: string, ts: number, output: number): string {
  const model = MODELS[id % MODELS.length]!;
  const input = 1 + Math.floor(random() * 3000);
  const write = Math.floor(random() * 20000);
  const read = Math.floor(random() * 150000);
  return JSON.stringify({
    parentUuid: `p${id}`,
    isSidechain: false,
    userType: 'external',
    cwd: '/home/dev/project',
    sessionId: session,
    version: '2.1.3',
    message: {
      id: `msg_${id.toString(36).padStart(10, '0')}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: 'Done. '.repeat(1 + Math.floor(random() * 40)) }],
      stop_reason: 'end_turn',
      usage: {
        input_tokens: input,
        cache_creation_input_tokens: write,
        cache_read_input_tokens: read,
        cache_creation: { ephemeral_5m_input_tokens: write, ephemeral_1h_input_tokens: 0 },
        output_tokens: output,
        service_tier: 'standard',
      },
    },
    requestId: `req_${id.toString(36).padStart(12, '0')}`,
    type: 'assistant',
    uuid: `u${id}`,
    timestamp: new Date(ts).toISOString(),
  });
}

function userLine(random: () => number, ts: number): string {
  return JSON.stringify({
    type: 'user',
    message: { role: 'user', content: [{ type: 'tool_result', content: 'x'.repeat(200 + Math.floor(random() * 3000)) }] },
    timestamp: new Date(ts).toISOString(),
  });
}

export interface LogTree {
  readonly configDir: string;
  readonly projects: string;
  readonly bytes: number;
  readonly files: string[];
}

export function logTree(targetBytes: number): LogTree {
  const configDir = join(tmpdir(), `spendbar-bench-claude-${targetBytes}`);
  const projects = join(configDir, 'projects');
  const marker = join(configDir, 'generated.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as LogTree;
  const random = seededRandom(2026);
  const files: string[] = [];
  let bytes = 0;
  let id = 0;
  let ts = Date.UTC(2026, 10, 1);
  const recent: string[] = [];
  for (let f = 0; bytes < targetBytes; f++) {
    const dir = join(projects, `-home-dev-project-${f % 40}`);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `session-${f}.jsonl`);
    const fd = openSync(path, 'w');
    const session = `s-${f}`;
    let size = 0;
    const parts: string[] = [];
    // A resumed session starts with lines copied from an earlier one (the dedup must catch them).
    if (f % 7 === 3) parts.push(...recent.slice(-40));
    if (f % 25 === 0) parts.push(JSON.stringify({ type: 'file-history-snapshot', snapshot: { files: 'y'.repeat(3 << 20) } }));
    while (size < 1 << 20) {
      ts += 1000 + Math.floor(random() * 20000);
      parts.push(userLine(random, ts));
      const messageId = id++;
      // Streaming: one line per content block, each with the usage so far; the last is complete.
      const blocks = 1 + Math.floor(random() * 3);
      for (let b = 1; b <= blocks; b++) {
        const line = assistant(random, messageId, session, ts + b, b === blocks ? 100 + Math.floor(random() * 2000) : 1 + b);
        parts.push(line);
        if (b === blocks) recent.push(line);
      }
      size = parts.reduce((s, p) => s + p.length + 1, 0);
    }
    const text = `${parts.join('\n')}\n`;
    writeSync(fd, text);
    closeSync(fd);
    files.push(path);
    bytes += Buffer.byteLength(text);
    if (recent.length > 200) recent.splice(0, recent.length - 200);
  }
  const tree: LogTree = { configDir, projects, bytes, files };
  writeFileSync(marker, JSON.stringify(tree));
  return tree;
}
