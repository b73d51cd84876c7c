/**
 * The byte reader must give, for every line, exactly what JSON.parse-based parseClaudeLine gives
 * (or step aside): the same entry, or the same reason to skip. Checked on real-format lines, on
 * every tricky shape JSON allows, on every prefix of a line (a line still being written), and on
 * thousands of randomly damaged lines.
 */
import { describe, expect, it } from 'vitest';
import { parseClaudeLine, utcHourOf, type LineResult } from '../../../../app/sources/claude-code/claude-line.ts';
import { readClaudeLineBytes } from '../../../../app/sources/claude-code/claude-line-bytes.ts';
import { assistantLine } from '../../../helpers/claude-logs.ts';
import { seededRandom } from '../../../helpers/random.ts';

/** Both readers on one line, with the line inside a larger buffer as the scanner hands it on. */
function bothReaders(line: string): { bytes: LineResult | undefined; json: LineResult } {
  const buffer = Buffer.from(`junk\n${line}\nmore`, 'utf8');
  const start = 5;
  const end = start + Buffer.byteLength(line, 'utf8');
  return { bytes: readClaudeLineBytes(buffer, start, end), json: parseClaudeLine(buffer.toString('latin1', start, end)) };
}

function expectSameVerdict(line: string): LineResult | undefined {
  const { bytes, json } = bothReaders(line);
  if (bytes !== undefined) expect(bytes, line).toEqual(json);
  return bytes;
}

const base = JSON.parse(assistantLine({ cacheWrite: 30, cache1h: 40, cacheRead: 500, speed: 'fast' })) as {
  message: { usage: Record<string, unknown>; content: unknown[] } & Record<string, unknown>;
} & Record<string, unknown>;
const variant = (change: (line: typeof base) => void) => {
  const copy = structuredClone(base);
  change(copy);
  return JSON.stringify(copy);
};

describe('reading usage lines from bytes', () => {
  it('reads a real-format line to the same entry as JSON.parse, without falling back', () => {
    const line = assistantLine({ input: 12, output: 34, cacheWrite: 56, cache1h: 78, cacheRead: 90, speed: 'fast' });
    const entry = expectSameVerdict(line);
    expect(entry).toMatchObject({ inputTokens: 12, outputTokens: 34, cacheWrite1hTokens: 78, speed: 'fast' });
  });

  it.each([
    ['a sidechain line', variant((l) => (l.isSidechain = true))],
    ['isSidechain as a string (not a sidechain)', variant((l) => (l.isSidechain = 'true'))],
    ['null cwd', variant((l) => (l.cwd = null))],
    ['null requestId', variant((l) => (l.requestId = null))],
    ['null costUSD', variant((l) => (l.costUSD = null))],
    ['null message id', variant((l) => (l.message.id = null))],
    ['null model', variant((l) => (l.message.model = null))],
    ['the <synthetic> model', variant((l) => (l.message.model = '<synthetic>'))],
    ['a numeric model', variant((l) => (l.message.model = 7))],
    ['no message id', variant((l) => delete l.message.id)],
    ['an empty request id', variant((l) => (l.requestId = ''))],
    ['null speed', variant((l) => (l.message.usage.speed = null))],
    ['null cache reads', variant((l) => (l.message.usage.cache_read_input_tokens = null))],
    ['cache_creation as an array', variant((l) => (l.message.usage.cache_creation = [1, 2]))],
    ['cache_creation null', variant((l) => (l.message.usage.cache_creation = null))],
    ['a 1h write given as a string', variant((l) => (l.message.usage.cache_creation = { ephemeral_1h_input_tokens: '5' }))],
    ['web searches', variant((l) => (l.message.usage.server_tool_use = { web_search_requests: 3 }))],
    ['server_tool_use as a number', variant((l) => (l.message.usage.server_tool_use = 3))],
    ['a negative count', variant((l) => (l.message.usage.input_tokens = -1))],
    ['a fractional count', variant((l) => (l.message.usage.output_tokens = 1.5))],
    ['a count past 2^53', variant((l) => (l.message.usage.output_tokens = 2 ** 60))],
    ['a count as a string', variant((l) => (l.message.usage.input_tokens = '10'))],
    ['a count as an object', variant((l) => (l.message.usage.input_tokens = { n: 1 }))],
    ['no output count', variant((l) => delete l.message.usage.output_tokens)],
    ['usage as an array', variant((l) => (l.message.usage = [] as unknown as Record<string, unknown>))],
    ['message as a string', variant((l) => (l.message = 'hello' as unknown as typeof l.message))],
    ['no message', variant((l) => delete (l as Record<string, unknown>).message)],
    ['a non-semver version', variant((l) => (l.version = 'dev'))],
    ['a numeric version', variant((l) => (l.version = 2))],
    ['no timestamp', variant((l) => delete l.timestamp)],
    ['a timestamp Date.parse rejects', variant((l) => (l.timestamp = 'yesterday'))],
    ['a timestamp with an offset', variant((l) => (l.timestamp = '2026-11-20T10:30:00+05:30'))],
    ['a timestamp on Feb 30 (Date.parse rolls it over)', variant((l) => (l.timestamp = '2026-02-30T10:00:00.000Z'))],
    ['a timestamp at hour 24', variant((l) => (l.timestamp = '2026-11-20T24:00:00.000Z'))],
    ['a timestamp at minute 60', variant((l) => (l.timestamp = '2026-11-20T10:60:00.000Z'))],
    [
      'a usage object inside a tool input',
      variant((l) => (l.message.content = [{ type: 'tool_use', input: { usage: { input_tokens: 999 } } }])),
    ],
    [
      'usage and id keys at the top level',
      variant((l) => Object.assign(l, { usage: { input_tokens: 1 }, id: 'top', model: 'x' })),
    ],
    ['non-ASCII text', variant((l) => (l.message.content = [{ type: 'text', text: 'héllo — 你好 🎉 "quoted" \\ back' }]))],
    ['control characters escaped in text', variant((l) => (l.message.content = [{ type: 'text', text: '\u0000\u001f\n\t' }]))],
  ])('%s', (_name, line) => {
    const verdict = expectSameVerdict(line);
    expect(verdict, 'valid JSON of the usual shape is read without JSON.parse').not.toBeUndefined();
  });

  it.each([
    ['a repeated message key: the last wins', base, (s: string) => s.replace('{', '{"message":{"id":"early","usage":{}},')],
    ['a repeated null key: the last value wins', base, (s: string) => s.replace('"cwd":', '"cwd":null,"cwd":')],
    ['a repeated usage key', base, (s: string) => s.replace('"usage":', '"usage":{"input_tokens":1},"usage":')],
    ['whitespace everywhere', base, (s: string) => JSON.stringify(JSON.parse(s), null, 2).replace(/\n/g, ' \t\r ')],
    ['an escaped key (JSON.parse decodes it)', base, (s: string) => s.replace('"timestamp"', '"\\u0074imestamp"')],
    ['an escaped model name', base, (s: string) => s.replace('"claude-sonnet', '"claude\\u002dsonnet')],
    ['an exponent count', base, (s: string) => s.replace('"input_tokens":10', '"input_tokens":1e3')],
    ['a count written 10.0', base, (s: string) => s.replace('"input_tokens":10', '"input_tokens":10.0')],
    ['a raw control character in text', base, (s: string) => s.replace('"hi"', '"h\u0001i"')],
    ['an invalid escape', base, (s: string) => s.replace('"hi"', '"h\\xi"')],
    ['a short unicode escape', base, (s: string) => s.replace('"hi"', '"h\\u12i"')],
    ['garbage after the object', base, (s: string) => `${s}x`],
    ['a second object on the line', base, (s: string) => `${s}${s}`],
    ['a leading zero', base, (s: string) => s.replace('"input_tokens":10', '"input_tokens":010')],
    ['a bare minus', base, (s: string) => s.replace('"input_tokens":10', '"input_tokens":-')],
    ['a misspelt literal', base, (s: string) => s.replace('"isSidechain":false', '"isSidechain":fals')],
    ['a trailing comma', base, (s: string) => s.replace(/}$/, ',}')],
    ['a top-level array', base, (s: string) => `[${s}]`],
    ['deep nesting in the content', base, (s: string) => s.replace('"hi"', `${'['.repeat(400)}${']'.repeat(400)}`)],
  ])('%s', (_name, _base, edit) => {
    expectSameVerdict(edit(JSON.stringify(base)));
  });

  it('every prefix of a line (a line still being written) gets the same verdict', () => {
    const line = assistantLine({ input: 1234, output: 56, cacheWrite: 7, cache1h: 8, cacheRead: 90123 });
    for (let cut = 0; cut <= line.length; cut++) expectSameVerdict(line.slice(0, cut));
  });

  it('never reads past the end of its range, even when the buffer goes on with the rest of the line', () => {
    const line = assistantLine({ input: 1234, output: 56, cacheWrite: 7, cache1h: 8, cacheRead: 90123 });
    const buffer = Buffer.from(line, 'latin1');
    for (let cut = 0; cut <= line.length; cut++) {
      const bytes = readClaudeLineBytes(buffer, 0, cut);
      if (bytes !== undefined) expect(bytes).toEqual(parseClaudeLine(line.slice(0, cut)));
    }
  });

  it('20,000 randomly damaged lines get the same verdict from both readers', () => {
    const random = seededRandom(7);
    const pieces = ['"', '\\', '{', '}', '[', ']', ':', ',', 'null', 'true', '0', '-', 'e', ' ', '\u0001', 'é', '"usage":{'];
    const lines = [
      assistantLine({ cacheWrite: 3, cache1h: 4, speed: 'fast' }),
      variant((l) => (l.message.usage.server_tool_use = { web_search_requests: 2 })),
      variant((l) => (l.message.content = [{ type: 'tool_use', input: { a: [1, 2.5e-3, null, true], b: 'x\\"y' } }])),
    ];
    let readFromBytes = 0;
    for (let n = 0; n < 20_000; n++) {
      let line = lines[n % lines.length]!;
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * line.length);
        const kind = random();
        if (kind < 0.4) line = line.slice(0, at) + line.slice(at + 1 + Math.floor(random() * 4));
        else if (kind < 0.8) line = line.slice(0, at) + pieces[Math.floor(random() * pieces.length)]! + line.slice(at);
        else line = line.slice(0, at) + line.slice(at, at + 8) + line.slice(at);
      }
      if (expectSameVerdict(line) !== undefined) readFromBytes++;
    }
    // Most damage still leaves valid JSON (inside text, say): those must not all go to JSON.parse.
    expect(readFromBytes).toBeGreaterThan(2_000);
  });

  it('reads Claude Code timestamps to the same UTC hour as Date.parse', () => {
    const random = seededRandom(11);
    for (let n = 0; n < 5_000; n++) {
      const iso = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 3e11)).toISOString();
      expect(utcHourOf(iso)).toBe(Math.floor(Date.parse(iso) / 3_600_000));
    }
    expect(utcHourOf('2026-02-30T10:00:00.000Z')).toBe(Math.floor(Date.parse('2026-03-02T10:00:00.000Z') / 3_600_000));
    expect(utcHourOf('2026-11-20T10:60:00.000Z')).toBeNaN();
    expect(utcHourOf('0042-11-25T10:00:00.000Z')).toBe(Math.floor(Date.parse('0042-11-25T10:00:00.000Z') / 3_600_000));
    expect(utcHourOf('2026-1a-20T10:00:00.000Z')).toBeNaN();
  });
});
