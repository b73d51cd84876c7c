/**
 * A generated Claude Code log tree of a given size, in the real format: sessions with streaming
 * duplicates, resumed sessions that copy earlier lines, sidechain (subagent) turns, user and tool
 * lines, and a few multi-MB file-history snapshots. Message content is what real transcripts hold
 * — thinking with signatures, prose, tool calls whose input is code full of quotes, newlines and
 * non-ASCII text — so escapes and multi-byte characters are as common as in a real tree. Reused
 * between runs (a marker file records what was generated; FORMAT changes when the content does).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../helpers/random.ts';

const FORMAT = 2;
const MODELS = ['claude-sonnet-4-5-20250929', 'claude-opus-4-5-20251101', 'claude-haiku-4-5-20251001', 'claude-sonnet-5-5'];

const CODE = [
  'export function total(rows: Row[]): number {\n\treturn rows.reduce((s, r) => s + r.amount, 0);\n}',
  'if (!user) throw new Error(`no user "${id}" — check the token`);',
  'const greeting = "Grüße, 世界 👋";\nconsole.log(greeting.padEnd(20, "·"));',
  '<div class="card" data-id=\'42\'>\n  <p>Café & crème</p>\n</div>',
  'SELECT name, "order" FROM items WHERE path LIKE \'C:\\\\Users\\\\%\';',
];
const PROSE = [
  'The failing test expects the total in cents; the parser returns dollars. ',
  "I'll update `parseAmount` so it keeps the decimal string — no floats — and re-run the suite. ",
  'Résumé of the change: 3 files, 41 lines. ',
  'Let me look at how "retry-after" is handled before touching the poller. ',
];

const pickFrom = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const repeat = (random: () => number, items: readonly string[], max: number) =>
  Array.from({ length: 1 + Math.floor(random() * max) }, () => pickFrom(random, items)).join('\n');
const uuid = (random: () => number) =>
  [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('')).join('-');

/** One content block, as Claude Code writes a line per block while streaming. */
function block(random: () => number, b: number): object {
  const kind = b === 1 && random() < 0.5 ? 'thinking' : random() < 0.5 ? 'text' : 'tool_use';
  if (kind === 'thinking')
    return { type: 'thinking', thinking: repeat(random, PROSE, 6), signature: 'Eu8B'.padEnd(340, 'kQ9x+/') };
  if (kind === 'text') return { type: 'text', text: repeat(random, PROSE, 5) };
  return {
    type: 'tool_use',
    id: `toolu_${uuid(random).replace(/-/g, '')}`,
    name: pickFrom(random, ['Edit', 'Bash', 'Read']),
    input: {
      file_path: '/home/dev/project/src/billing/parse.ts',
      old_string: repeat(random, CODE, 3),
      new_string: repeat(random, CODE, 3),
    },
  };
}

function assistant(random: () => number, id: number, session: string, ts: number, output: number, b: number): string {
  const model = MODELS[id % MODELS.length]!;
  const input = 1 + Math.floor(random() * 3000);
  const write = Math.floor(random() * 20000);
  const read = Math.floor(random() * 150000);
  return JSON.stringify({
    parentUuid: uuid(random),
    isSidechain: id % 23 === 0,
    userType: 'external',
    cwd: '/home/dev/project',
    sessionId: session,
    version: '2.1.3',
    gitBranch: 'main',
    message: {
      id: `msg_01${id.toString(36).padStart(22, 'A')}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [block(random, b)],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: input,
        cache_creation_input_tokens: write,
        cache_read_input_tokens: read,
        cache_creation: { ephemeral_5m_input_tokens: write, ephemeral_1h_input_tokens: 0 },
        output_tokens: output,
        service_tier: 'standard',
      },
    },
    requestId: `req_011C${id.toString(36).padStart(20, 'B')}`,
    type: 'assistant',
    uuid: uuid(random),
    timestamp: new Date(ts).toISOString(),
  });
}

function userLine(random: () => number, ts: number): string {
  return JSON.stringify({
    parentUuid: uuid(random),
    isSidechain: false,
    userType: 'external',
    cwd: '/home/dev/project',
    sessionId: 'session',
    version: '2.1.3',
    type: 'user',
    message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: repeat(random, CODE, 30) }] },
    uuid: uuid(random),
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
  const configDir = join(tmpdir(), `spendbar-bench-claude-v${FORMAT}-${targetBytes}`);
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
        const line = assistant(random, messageId, session, ts + b, b === blocks ? 100 + Math.floor(random() * 2000) : 1 + b, b);
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
