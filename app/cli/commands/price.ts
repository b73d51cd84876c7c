/** `spendbar price`: the cost of one call, line by line, with the tier, context band and price version used. */
import type { Catalog } from '../../engine/catalog/catalog.ts';
import { femtoToUsdNumber, formatUsd } from '../../engine/money.ts';
import { isPriced, priceRow, type PricedRow } from '../../engine/price.ts';
import { dayArg, parseCommandArgs, timeZoneArg } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import type { CommandContext } from '../command-context.ts';
import { PRICE_OPTIONS, priceRequest, type PriceRequest } from './price-request.ts';

export const PRICE_HELP = `spendbar price --model ID --input N --output N [--cache-read N] [--web-search N]
               [--cache-write-5m N] [--cache-write-1h N]     (Claude: 5-minute / 1-hour writes)
               [--cache-write-30m N] [--cache-write-12h N]   (OpenAI: 30-minute / 12-hour writes)
               [--tier standard|batch|flex|priority|fast] [--batch] [--fast] [--us-inference]
               [--context-window short|long] [--at YYYY-MM-DD] [--json]
The cost of ONE call at the price in force on --at (default: today, UTC). Above a model's
long-context threshold the whole call is billed at long-context rates, judged from the tokens
given; a usage bucket that sums many calls is not one call, so price it with --context-window short
(or long). --tier fast is priority (OpenAI's name for it since July 2026); --batch is --tier batch;
--fast is fast mode on Claude models and the priority tier on OpenAI models. A tier, flag or cache
write that the model does not have is an error, never priced at standard.`;

interface Described {
  readonly tier: string;
  readonly context: { readonly band: 'short' | 'long' | 'single'; readonly thresholdTokens?: number };
  readonly priceVersion: { readonly effectiveFrom: string | null; readonly source: string };
  readonly notes: string[];
}

function describe(request: PriceRequest, priced: PricedRow, day: string): Described {
  const long = request.version.longContext;
  const notes: string[] = [];
  const through = request.version.promotionalThrough;
  if (through)
    notes.push(
      day > through
        ? `promotional price, guaranteed only through ${through}; the vendor has published no price for after it`
        : `promotional price, guaranteed through ${through}`,
    );
  return {
    tier: request.tier,
    context: long
      ? { band: priced.modifiers.includes('long context') ? 'long' : 'short', thresholdTokens: long.thresholdTokens }
      : { band: 'single' },
    // A user price with no date applies since always: it has no effective day to show.
    priceVersion: {
      effectiveFrom: /^0000/.test(priced.priceEffectiveFrom) ? null : priced.priceEffectiveFrom,
      source: priced.priceSource,
    },
    notes,
  };
}

/** OpenAI's cache writes are named by their retention: 30 minutes and 12 hours. */
function kindName(kind: string, request: PriceRequest): string {
  if (!request.version.cacheWriteRetention) return kind;
  return kind === 'cache_write_5m' ? 'cache_write_30m' : kind === 'cache_write_1h' ? 'cache_write_12h' : kind;
}

function contextText(context: Described['context']): string {
  if (context.band === 'single') return 'one price at every prompt size';
  const limit = (context.thresholdTokens ?? 0).toLocaleString('en-US');
  return context.band === 'long' ? `long (above ${limit} prompt tokens)` : `short (up to ${limit} prompt tokens)`;
}

export function runPrice(argv: string[], ctx: CommandContext, catalog: Catalog): void {
  const { values } = parseCommandArgs(argv, PRICE_OPTIONS, 'price');
  if (values.help) return ctx.out(PRICE_HELP);
  timeZoneArg(values.tz);
  if (!values.model) throw new UsageError('price: --model is required, e.g. --model claude-sonnet-4-5');
  const day = dayArg(values.at, 'at') ?? ctx.now().toISOString().slice(0, 10);
  const request = priceRequest(values, catalog, day);
  const priced = priceRow(request.row, catalog);
  if (!isPriced(priced)) throw new UsageError(`unknown model "${values.model}": it is not in the price catalog.`);
  const described = describe(request, priced, day);
  if (values.json) {
    ctx.out(
      JSON.stringify({
        model: priced.modelId,
        usd: femtoToUsdNumber(priced.femto),
        lines: priced.lines.map((line) =>
          line.kind === 'web_search'
            ? { kind: line.kind, requests: line.quantity, usd: femtoToUsdNumber(line.femto) }
            : { kind: kindName(line.kind, request), tokens: line.quantity, usd: femtoToUsdNumber(line.femto) },
        ),
        unpriced: priced.modifiers.includes('web search not priced')
          ? [{ kind: 'web_search', requests: request.row.webSearchRequests }]
          : [],
        modifiers: priced.modifiers,
        at: day,
        scope: 'one call',
        ...described,
        source: priced.priceSource,
      }),
    );
    return;
  }
  const width = Math.max(...priced.lines.map((l) => kindName(l.kind, request).length), 5);
  const mods = priced.modifiers.length ? `, ${priced.modifiers.join(', ')}` : '';
  ctx.out(`${priced.displayName} (${priced.modelId}), one call at ${day} prices${mods}`);
  ctx.out(`  tier: ${described.tier}; context: ${contextText(described.context)}`);
  const from = described.priceVersion.effectiveFrom ? `from ${described.priceVersion.effectiveFrom}` : 'first listed price';
  ctx.out(`  price version: ${from}; source: ${described.priceVersion.source}`);
  for (const note of described.notes) ctx.out(`  note: ${note}`);
  for (const line of priced.lines) {
    const unit = line.kind === 'web_search' ? 'requests' : 'tokens';
    ctx.out(
      `  ${kindName(line.kind, request).padEnd(width)}  ${line.quantity.toLocaleString('en-US').padStart(13)} ${unit.padEnd(8)}  ${formatUsd(line.femto, 6).padStart(14)}`,
    );
  }
  ctx.out(`  ${'total'.padEnd(width)}  ${''.padStart(22)}  ${formatUsd(priced.femto, 6).padStart(14)}`);
}
