/** A Claude Code log tree of a given size in a temp folder: many sessions of real-format lines. */
import { join } from 'node:path';
import { assistantLine, tempDir, userLine, writeLines } from './claude-logs.ts';

export interface GeneratedTree {
  readonly dir: string;
  /** Distinct requests written (each twice: a streaming snapshot, then the final line). */
  readonly requests: number;
  readonly bytes: number;
}

export function largeTree(files: number, bytesPerFile: number): GeneratedTree {
  const dir = tempDir();
  const prose = 'Looking at the failing test: the parser returns dollars where cents are expected. '.repeat(8);
  let requests = 0;
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const lines: string[] = [];
    let size = 0;
    for (let m = 0; size < bytesPerFile; m++) {
      const id = `msg_${f}_${m}`;
      const ts = `2026-11-${String(1 + (m % 28)).padStart(2, '0')}T${String(m % 24).padStart(2, '0')}:00:00.000Z`;
      for (const line of [
        userLine(prose),
        assistantLine({ id, req: `req_${f}_${m}`, output: 3, ts }),
        assistantLine({ id, req: `req_${f}_${m}`, input: 10 + m, output: 200, cacheRead: 5000, ts }),
      ]) {
        lines.push(line);
        size += line.length + 1;
      }
      requests++;
    }
    writeLines(join(dir, `project-${f % 4}/session-${f}.jsonl`), lines);
    bytes += size;
  }
  return { dir, requests, bytes };
}
