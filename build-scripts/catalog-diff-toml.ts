/**
 * Reads the part of TOML that models.dev's model files use: comments, [table] and [[array]] headers,
 * key = number | string | boolean | [array] | { inline table }. Enough for [cost], [[cost.tiers]]
 * and [experimental.modes.fast]; a line it cannot read is reported, never guessed at.
 * Shapes taken from github.com/anomalyco/models.dev providers/anthropic/models/*.toml (2026-07..10).
 */
export type TomlValue = number | string | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

class Cursor {
  constructor(
    readonly text: string,
    public at = 0,
  ) {}
  skipSpace(): void {
    while (this.at < this.text.length && /[ \t]/.test(this.text[this.at]!)) this.at++;
  }
  peek(): string {
    return this.text[this.at] ?? '';
  }
}

function parseValue(c: Cursor): TomlValue {
  c.skipSpace();
  const ch = c.peek();
  if (ch === '"') {
    const end = c.text.indexOf('"', c.at + 1);
    if (end < 0) throw new Error('unterminated string');
    const value = c.text.slice(c.at + 1, end);
    c.at = end + 1;
    return value;
  }
  if (ch === '[') return parseList(c, ']', () => parseValue(c)) as TomlValue[];
  if (ch === '{') {
    const table: TomlTable = {};
    parseList(c, '}', () => {
      const key = parseKey(c);
      c.skipSpace();
      if (c.peek() !== '=') throw new Error(`expected = after ${key.join('.')}`);
      c.at++;
      setPath(table, key, parseValue(c));
      return null;
    });
    return table;
  }
  const word = /^[^\s,\]}#]+/.exec(c.text.slice(c.at))?.[0] ?? '';
  c.at += word.length;
  if (word === 'true' || word === 'false') return word === 'true';
  const number = Number(word.replace(/_/g, ''));
  if (word === '' || Number.isNaN(number)) throw new Error(`cannot read value "${word}"`);
  return number;
}

function parseList<T>(c: Cursor, close: string, item: () => T): T[] {
  const items: T[] = [];
  c.at++;
  for (;;) {
    c.skipSpace();
    if (c.peek() === close) {
      c.at++;
      return items;
    }
    const value = item();
    if (value !== null) items.push(value);
    c.skipSpace();
    if (c.peek() === ',') c.at++;
    else if (c.peek() !== close) throw new Error(`expected , or ${close}`);
  }
}

function parseKey(c: Cursor): string[] {
  c.skipSpace();
  const raw = /^[A-Za-z0-9_.\-"]+/.exec(c.text.slice(c.at))?.[0] ?? '';
  c.at += raw.length;
  if (raw === '') throw new Error('expected a key');
  return raw.split('.').map((k) => k.replace(/"/g, ''));
}

function setPath(table: TomlTable, path: string[], value: TomlValue): void {
  let node = table;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (Array.isArray(next)) node = next[next.length - 1] as TomlTable;
    else node = (node[key] = (next as TomlTable | undefined) ?? {}) as TomlTable;
  }
  node[path[path.length - 1]!] = value;
}

/** The document as nested tables, and the lines that could not be read ("line N: why"). */
export function readToml(text: string): { table: TomlTable; problems: string[] } {
  const root: TomlTable = {};
  const problems: string[] = [];
  let current = root;
  // Multi-line arrays (rare in these files) are joined onto one line before reading.
  const lines = text.replace(/\[\s*\n([^\]]*?)\n\s*\]/g, (m) => m.replace(/\s*\n\s*/g, ' ')).split('\n');
  lines.forEach((rawLine, index) => {
    const line = rawLine
      .replace(/\s+#.*$/, '')
      .replace(/^#.*$/, '')
      .trim();
    if (line === '') return;
    try {
      const header = /^(\[\[?)\s*([^\]]+?)\s*\]\]?$/.exec(line);
      if (header) {
        const path = header[2]!.split('.').map((k) => k.trim().replace(/"/g, ''));
        if (header[1] === '[[') {
          const parentPath = path.slice(0, -1);
          let parent = root;
          for (const key of parentPath) parent = (parent[key] ??= {}) as TomlTable;
          const list = (parent[path[path.length - 1]!] ??= []) as TomlValue[];
          current = {};
          list.push(current);
        } else {
          current = root;
          for (const key of path) current = (current[key] ??= {}) as TomlTable;
        }
        return;
      }
      const c = new Cursor(line);
      const key = parseKey(c);
      c.skipSpace();
      if (c.peek() !== '=') throw new Error('expected =');
      c.at++;
      setPath(current, key, parseValue(c));
    } catch (error) {
      problems.push(`line ${index + 1}: ${(error as Error).message}`);
    }
  });
  return { table: root, problems };
}
