/** `spendbar price`: the cost of one call or bucket, line by line. */
import type { Catalog } from '../../engine/catalog/catalog.ts';
import { femtoToUsdNumber, formatUsd } from '../../engine/money.ts';
import { isPriced, priceRow } from '../../engine/price.ts';
import type { UsageRow } from '../../engine/usage-row.ts';
import { countArg, dayArg, parseCommandArgs, timeZoneArg } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import type { CommandContext } from '../command-context.ts';

export const PRICE_HELP = `spendbar price --model ID --input N --output N [--cache-write-5m N] [--cache-write-1h N]
               [--cache-read N] [--web-search N] [--batch] [--us-inference] [--fast]
               [--context-window 0-200k|200k-1M] [--at YYYY-MM-DD] [--json]
The cost of one call (or one usage bucket) at the price in force on --at (default: today, UTC).`;

const OPTIONS = {
  model: { type: 'string' },
  input: { type: 'string' },
  output: { type: 'string' },
  'cache-write-5m': { type: 'string' },
  'cache-write-1h': { type: 'string' },
  'cache-read': { type: 'string' },
  'web-search': { type: 'string' },
  batch: { type: 'boolean' },
  'us-inference': { type: 'boolean' },
  fast: { type: 'boolean' },
  'context-window': { type: 'string' },
  at: { type: 'string' },
} as const;

export function runPrice(argv: string[], ctx: CommandContext, catalog: Catalog): void {
  const { values } = parseCommandArgs(argv, OPTIONS, 'price');
  if (values.help) return ctx.out(PRICE_HELP);
  timeZoneArg(values.tz);
  if (!values.model) throw new UsageError('price: --model is required, e.g. --model claude-sonnet-4-5');
  const contextWindow = values['context-window'];
  if (contextWindow !== undefined && contextWindow !== '0-200k' && contextWindow !== '200k-1M') {
    throw new UsageError(`--context-window must be 0-200k or 200k-1M (got "${contextWindow}")`);
  }
  const day = dayArg(values.at, 'at') ?? ctx.now().toISOString().slice(0, 10);
  const row: UsageRow = {
    start: `${day}T00:00:00Z`,
    source: 'anthropic',
    model: values.model,
    serviceTier: values.batch ? 'batch' : 'standard',
    contextWindow,
    inferenceGeo: values['us-inference'] ? 'us' : undefined,
    speed: values.fast ? 'fast' : undefined,
    inputTokens: countArg(values.input, 'input'),
    outputTokens: countArg(values.output, 'output'),
    cacheWrite5mTokens: countArg(values['cache-write-5m'], 'cache-write-5m'),
    cacheWrite1hTokens: countArg(values['cache-write-1h'], 'cache-write-1h'),
    cacheReadTokens: countArg(values['cache-read'], 'cache-read'),
    webSearchRequests: countArg(values['web-search'], 'web-search'),
  };
  const priced = priceRow(row, catalog);
  if (!isPriced(priced)) {
    throw new UsageError(
      `unknown model "${values.model}": it is not in the price catalog. Check the id, or add a price in Settings → Prices.`,
    );
  }
  if (values.json) {
    ctx.out(
      JSON.stringify({
        model: priced.modelId,
        usd: femtoToUsdNumber(priced.femto),
        lines: priced.lines.map((line) =>
          line.kind === 'web_search'
            ? { kind: line.kind, requests: line.quantity, usd: femtoToUsdNumber(line.femto) }
            : { kind: line.kind, tokens: line.quantity, usd: femtoToUsdNumber(line.femto) },
        ),
        unpriced: priced.modifiers.includes('web search not priced')
          ? [{ kind: 'web_search', requests: row.webSearchRequests }]
          : [],
        modifiers: priced.modifiers,
        at: day,
        source: priced.priceSource,
      }),
    );
    return;
  }
  const width = Math.max(...priced.lines.map((l) => l.kind.length), 5);
  ctx.out(
    `${priced.displayName} (${priced.modelId}) at ${day} prices${priced.modifiers.length ? `, ${priced.modifiers.join(', ')}` : ''}`,
  );
  for (const line of priced.lines) {
    const unit = line.kind === 'web_search' ? 'requests' : 'tokens';
    ctx.out(
      `  ${line.kind.padEnd(width)}  ${line.quantity.toLocaleString('en-US').padStart(13)} ${unit.padEnd(8)}  ${formatUsd(line.femto, 6).padStart(14)}`,
    );
  }
  ctx.out(`  ${'total'.padEnd(width)}  ${''.padStart(22)}  ${formatUsd(priced.femto, 6).padStart(14)}`);
}
