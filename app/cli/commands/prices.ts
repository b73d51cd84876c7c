/** `spendbar prices --check`: every run of days the bill prices at another rate than our catalog. */
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { cliService, nowArg, sourcesArg } from '../cli-service.ts';
import type { CommandContext } from '../command-context.ts';
import type { PriceFindingView } from '../../engine/view-types.ts';

export const PRICES_HELP = `spendbar prices --check [--source anthropic|openai]… [--now ISO-8601] [--json]
Compares each closed UTC day's bill with our catalog, per model and token kind, and lists every
mismatch beyond rounding (> 0.5 % and > $0.000001/M) with its days, tokens, billed dollars and both rates.`;

const OPTIONS = { check: { type: 'boolean' }, source: { type: 'string', multiple: true }, now: { type: 'string' } } as const;

function printFinding(f: PriceFindingView, ctx: CommandContext): void {
  ctx.out(f.message);
  const days = f.from === f.through ? f.from : `${f.from} to ${f.through}`;
  ctx.out(`  ${f.source}, ${days}: ${f.tokens.toLocaleString('en-US')} tokens billed $${f.billedUsd.toFixed(6)}`);
  const ours = f.catalogUsdPerMillion === null ? 'none' : `$${f.catalogUsdPerMillion}/M (${f.priceSource ?? 'no source'})`;
  ctx.out(
    `  billed rate $${f.billedUsdPerMillion}/M; catalog ${ours}${f.current ? '; learned: used for estimates from ' + f.from : ''}`,
  );
}

export async function runPrices(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, 'prices');
  if (values.help) {
    ctx.out(PRICES_HELP);
    return 0;
  }
  if (!values.check) throw new UsageError('prices needs --check (the only action so far); for one price, use "spendbar price"');
  const sources = sourcesArg(values.source, ctx);
  if (sources?.includes('claude-code'))
    throw new UsageError('--source claude-code has no bill to check; use anthropic or openai');
  const { service, problems } = await cliService(ctx, { now: nowArg(values.now, ctx) });
  for (const p of problems) ctx.err(`spendbar: ${p}`);
  await service.refreshAllOnce();
  const { view } = await service.view(sources ? { sources } : {});
  const failing = view.sources.filter((s) => s.id !== 'claude-code' && s.state !== 'ok' && s.state !== 'not-configured');
  for (const s of failing) ctx.err(`spendbar: ${s.label}: ${s.message ?? s.state}; its bill was checked as last stored`);
  if (values.json) {
    ctx.out(JSON.stringify({ asOf: view.asOf, findings: view.priceFindings }));
  } else if (view.priceFindings.length === 0) {
    const billed = view.sources.some((s) => s.id !== 'claude-code' && s.state !== 'not-configured');
    ctx.out(
      billed
        ? 'The bill agrees with our catalog on every matched day, model and kind.'
        : 'No admin source is set up: there is no bill to check.',
    );
  } else {
    for (const f of view.priceFindings) printFinding(f, ctx);
  }
  // A finding is news about prices, not a failure of the command.
  return 0;
}
