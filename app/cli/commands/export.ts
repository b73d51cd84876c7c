/** `spendbar export`: the ledger as CSV (for a spreadsheet) or JSON, one row per day × source × model × workspace. */
import { UsageError } from '../cli-error.ts';
import { dayArg, parseCommandArgs, timeZoneArg } from '../args.ts';
import { cliService, nowArg, sourcesArg } from '../cli-service.ts';
import type { CommandContext } from '../command-context.ts';
import { exportCsv } from '../../sources/ledger/export-csv.ts';

export const EXPORT_HELP = `spendbar export [--format csv|json] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--source ID]… [--now ISO-8601] [--tz ZONE] [--json]
The history as one row per day × source × model × workspace: tokens by kind, billed, priced and spent USD
(default: from the first day the ledger holds to today; CSV with a header row; --json is --format json).`;

const OPTIONS = {
  format: { type: 'string' },
  source: { type: 'string', multiple: true },
  since: { type: 'string' },
  until: { type: 'string' },
  now: { type: 'string' },
} as const;

export async function runExport(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, 'export');
  if (values.help) {
    ctx.out(EXPORT_HELP);
    return 0;
  }
  const format = values.json ? 'json' : (values.format ?? 'csv');
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json (got "${format}")`);
  const sources = sourcesArg(values.source, ctx);
  const since = dayArg(values.since, 'since');
  const until = dayArg(values.until, 'until');
  if (since && until && since > until) throw new UsageError(`--since (${since}) is after --until (${until})`);
  const { service, problems } = await cliService(ctx, { now: nowArg(values.now, ctx), timeZone: timeZoneArg(values.tz) });
  for (const p of problems) ctx.err(`spendbar: ${p}`);
  await service.refreshAllOnce();
  const rows = await service.exportRows(since, until, sources);
  if (format === 'json') ctx.out(JSON.stringify(rows));
  else ctx.out(exportCsv(rows).replace(/\r\n$/, ''));
  return 0;
}
