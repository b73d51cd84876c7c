/**
 * Daily spend this month as bars, the running total as a line that continues as a dashed projection,
 * and the cap as a horizontal line: where the two lines meet is when the money runs out.
 */
import type { SpendView } from '../../app/engine/view-types.ts';
import { h, svg } from '../dom.ts';
import { money, shortDate } from '../format.ts';

const W = 328;
const H = 110;
const PAD = { top: 8, bottom: 16, left: 2, right: 2 };

export function chart(view: SpendView): HTMLElement {
  const days = view.daily;
  let running = 0;
  const cumulative = days.map((d) => (running += (d.usd ?? 0) + (d.projectedUsd ?? 0)));
  const maxTotal = Math.max(running, view.capUsd ?? 0, 1);
  const maxDaily = Math.max(...days.map((d) => (d.usd ?? 0) + (d.projectedUsd ?? 0)), 0.01);
  const x = (i: number) => PAD.left + ((i + 0.5) * (W - PAD.left - PAD.right)) / days.length;
  const yTotal = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / maxTotal);
  const barH = (v: number) => ((H - PAD.top - PAD.bottom) * 0.45 * v) / maxDaily;
  const barW = Math.max(2, ((W - PAD.left - PAD.right) / days.length) * 0.7);
  const base = H - PAD.bottom;

  const bars = days
    .flatMap((d, i) => [
      d.usd
        ? svg('rect', { class: 'bar-actual', x: x(i) - barW / 2, y: base - barH(d.usd), width: barW, height: barH(d.usd) })
        : null,
      d.projectedUsd
        ? svg('rect', {
            class: 'bar-projected',
            x: x(i) - barW / 2,
            y: base - barH((d.usd ?? 0) + d.projectedUsd),
            width: barW,
            height: barH(d.projectedUsd),
          })
        : null,
    ])
    .filter((n): n is SVGElement => n !== null);
  const today = days.findIndex((d) => d.projectedUsd !== null);
  const actualEnd = today < 0 ? days.length - 1 : today;
  const actualPoints = cumulative
    .slice(0, actualEnd + 1)
    .map((v, i) => `${x(i)},${yTotal(i === actualEnd && today >= 0 ? v - (days[i]!.projectedUsd ?? 0) : v)}`);
  const projectedPoints =
    today < 0
      ? []
      : cumulative
          .slice(actualEnd)
          .map((v, i) => `${x(actualEnd + i)},${yTotal(i === 0 ? v - (days[actualEnd]!.projectedUsd ?? 0) : v)}`);
  const nodes: SVGElement[] = [
    svg('line', { class: 'axis', x1: 0, x2: W, y1: base, y2: base }),
    ...bars,
    svg('polyline', { class: 'total-actual', points: actualPoints.join(' ') }),
  ];
  if (projectedPoints.length > 1) nodes.push(svg('polyline', { class: 'total-projected', points: projectedPoints.join(' ') }));
  if (view.capUsd !== null) {
    nodes.push(svg('line', { class: 'cap', x1: 0, x2: W, y1: yTotal(view.capUsd), y2: yTotal(view.capUsd) }));
    // Above the line, unless that would leave the chart: then below it. At the left end, where
    // the running total starts from zero, so the projection (which nears the cap on the right)
    // never runs through it.
    const capY = yTotal(view.capUsd);
    nodes.push(
      svg(
        'text',
        { class: 'cap-label', x: 4, y: capY < 14 ? capY + 10 : capY - 3, 'text-anchor': 'start' },
        document.createTextNode(`cap ${money(view.capUsd)}`),
      ),
    );
  }
  nodes.push(svg('text', { class: 'tick', x: 2, y: H - 3 }, document.createTextNode(shortDate(days[0]!.date))));
  nodes.push(
    svg(
      'text',
      { class: 'tick', x: W - 2, y: H - 3, 'text-anchor': 'end' },
      document.createTextNode(shortDate(days[days.length - 1]!.date)),
    ),
  );
  const description = `Daily spend this month, ${money(view.spentUsd)} so far, projected ${money(view.projectedUsd)} by ${shortDate(days[days.length - 1]!.date)}${view.capUsd !== null ? ` against a cap of ${money(view.capUsd)}` : ''}.`;
  return h(
    'figure',
    { class: 'chart' },
    svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': description }, ...nodes) as unknown as Node,
  );
}
