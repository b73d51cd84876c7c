import { describe, expect, it } from 'vitest';
import { CellSums, sumsIn } from '../../../app/engine/cell-sums.ts';
import type { SpendCell, SpendSeries } from '../../../app/engine/spend-series.ts';
import { seededRandom } from '../../helpers/random.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-11-01T00:00:00Z');


/** Ten UTC days of two sources, each day one part, with models, workspaces and keys in every spelling. */
function parts(seed: number): SpendCell[][] {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const out: SpendCell[][] = [];
  for (const source of ['anthropic', 'openai'] as const)
    for (let day = 0; day < 10; day++) {
      const cells: SpendCell[] = [];
      for (let i = pick(40); i > 0; i--) {
        const apiKey = [undefined, null, 'key_a', 'key_b', 'key_c'][pick(5)];
        cells.push({
          hour: START + day * DAY + pick(24) * HOUR,
          source,
          modelId: ['m1', 'm2', 'm3', 'm4'][pick(4)]!,
          ...(source === 'openai' ? {} : { workspace: [null, '', 'w1', 'w2'][pick(4)] }),
          ...(apiKey !== undefined ? { apiKey } : {}),
          femto: BigInt(pick(1_000_000)) * 1_000_000_000n + 7n,
          billed: pick(2) === 0,
          ...(source === 'openai' && apiKey !== undefined && pick(3) === 0 ? { keyBilled: true } : {}),
        });
      }
      out.push(cells);
    }
  return out;
}

/** Everything the view reads of the sums, in order. */
const shape = (s: CellSums) => ({
  femto: s.femto,
  bySource: [...s.bySource],
  byHour: [...s.byHour],
  byModel: [...s.byModel].map(([id, m]) => [id, m.femto, [...m.sources]]),
  workspaces: s.workspaces.map((w) => ({ ...w })),
  keys: s.keys.map((k) => ({ ...k })),
  anyKey: s.anyKey,
  keyBilled: [...s.keyBilledSources].sort(),
});

const series = (cellParts: SpendCell[][], withParts: boolean): SpendSeries => ({
  cells: cellParts.flat(),
  ...(withParts ? { parts: cellParts } : {}),
  unpriced: [],
  reconciliation: [],
});

describe('cell sums: the sums of kept parts equal one walk of every cell', () => {
  const ranges = [
    [START, START + 10 * DAY], // every part whole
    [START + 2 * DAY + 5 * HOUR, START + 7 * DAY + 13 * HOUR + 1], // cut through two days
    [START + 3 * DAY, START + 3 * DAY + 1], // one hour
    [START + 20 * DAY, START + 30 * DAY], // nothing
  ];
  const filters = [() => true, (s: string) => s === 'openai', (s: string) => s === 'anthropic'];

  it('in the same order, for every range and source filter, including a part of mixed sources', () => {
    for (const seed of [1, 2, 3]) {
      const cellParts = parts(seed);
      // A part of two sources (the local logs' cells, priced on each view) is walked cell by cell.
      const mixed = [...cellParts, [...cellParts[3]!, ...cellParts[14]!].map((c) => ({ ...c, hour: c.hour + HOUR }))];
      for (const p of [cellParts, mixed])
        for (const [from, to] of ranges)
          for (const counts of filters) {
            const walked = sumsIn(series(p, false), from!, to!, counts);
            expect(shape(sumsIn(series(p, true), from!, to!, counts))).toEqual(shape(walked));
            // Hours only (the forecast's history): the same sums per source and hour, in the same order.
            const hours = sumsIn(series(p, true), from!, to!, counts, true);
            expect([hours.femto, [...hours.bySource], [...hours.byHour]]).toEqual([
              walked.femto,
              [...walked.bySource],
              [...walked.byHour],
            ]);
          }
    }
  });

  it('a changed day (a new part) is summed anew; the unchanged days keep their sums', () => {
    const cellParts = parts(4);
    const all = [START, START + 10 * DAY] as const;
    const before = sumsIn(series(cellParts, true), ...all, () => true);
    const changed = cellParts.map((p, i) =>
      i === 9 ? [...p, { hour: START + 9 * DAY, source: 'anthropic' as const, modelId: 'm9', femto: 5n, billed: true }] : p,
    );
    const after = sumsIn(series(changed, true), ...all, () => true);
    expect(after.femto).toBe(before.femto + 5n);
    expect(shape(after)).toEqual(shape(CellSums.of(changed.flat())));
  });
});
