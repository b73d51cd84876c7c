/** `spendbar daily`: one row per day, by model, with tokens. */
import { dayArg, parseCommandArgs, timeZoneArg } from '../args.ts';
import { cliService, nowArg, sourcesArg } from '../cli-service.ts';
import type { CommandContext } from '../command-context.ts';

export const DAILY_HELP = `spendbar daily [--source ID]… [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--now ISO-8601] [--tz ZONE] [--json]
One row per day (default: this period up to today), spend by model with token counts.
--now prices and cuts the days as of that moment, as status does, so a day's estimate can be reproduced.`;

const OPTIONS = {
  source: { type: 'string', multiple: true },
  since: { type: 'string' },
  until: { type: 'string' },
  now: { type: 'string' },
} as const;

export async function runDaily(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, 'daily');
  if (values.help) {
    ctx.out(DAILY_HELP);
    return 0;
  }
  const sources = sourcesArg(values.source, ctx);
  const since = dayArg(values.since, 'since');
  const until = dayArg(values.until, 'until');
  const { service, problems } = await cliService(ctx, { now: nowArg(values.now, ctx), timeZone: timeZoneArg(values.tz) });
  for (const p of problems) ctx.err(`spendbar: ${p}`);
  await service.refreshAllOnce();
  const rows = await service.daily(since, until, sources);
  if (values.json) {
    ctx.out(JSON.stringify(rows));
    return 0;
  }
  for (const row of rows) {
    ctx.out(
      `${row.date}  $${row.usd.toFixed(2).padStart(10)}  ${row.byModel.map((m) => `${m.model} $${m.usd.toFixed(2)}`).join(', ')}`,
    );
  }
  return 0;
}
