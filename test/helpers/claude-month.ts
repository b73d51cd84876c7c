/**
 * Two months of Claude Code transcripts shaped like the forecast's hard cases (issue 10), written
 * in the real on-disk format under `<root>/projects/`: a sparse spender (a few days a month at
 * $2–$15) and a product launch that triples daily spend. Priced by the catalog at Sonnet 4.5's
 * $15 per million output tokens, so a day's dollars are set through its output tokens.
 */
import { join } from 'node:path';
import { addDays } from '../../app/engine/time-zone.ts';
import { assistantLine, writeLines } from './claude-logs.ts';
import { seededRandom } from './random.ts';

const OUTPUT_USD_PER_TOKEN = 15 / 1e6;

function writeMonth(root: string, until: string, usdOn: (date: string) => number, hours: readonly number[]): void {
  const lines: string[] = [];
  let n = 0;
  for (let date = '2026-10-01'; date <= until; date = addDays(date, 1)) {
    const usd = usdOn(date);
    if (usd <= 0) continue;
    for (const hour of hours) {
      n++;
      lines.push(
        assistantLine({
          id: `msg_${n}`,
          req: `req_${n}`,
          input: 0,
          output: Math.round(usd / hours.length / OUTPUT_USD_PER_TOKEN),
          ts: `${date}T${String(hour).padStart(2, '0')}:10:00.000Z`,
        }),
      );
    }
  }
  writeLines(join(root, 'projects', 'app', 'session.jsonl'), lines);
}

/** $2–$15 on about one day in six, nothing on the others. */
export function writeSparseMonth(root: string, until = '2026-11-25'): void {
  const random = seededRandom(11);
  writeMonth(root, until, () => (random() < 0.17 ? 2 + Math.round(random() * 13) : 0), [10, 15]);
}

/** $20 a weekday and $8 a weekend day, tripled from Friday, November 20th (a launch five days before the tests' "now", the 25th). */
export function writeStepUpMonth(root: string, until = '2026-11-25'): void {
  writeMonth(
    root,
    until,
    (date) => {
      const weekend = [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
      return (weekend ? 8 : 20) * (date >= '2026-11-20' ? 3 : 1);
    },
    [9, 11, 14, 16],
  );
}
