/** `spendbar status`: this period's spend, cap, projection, by model, sources and due alerts. */
import { parseCommandArgs, timeZoneArg } from '../args.ts';
import { capArg, cliService, nowArg, sourcesArg } from '../cli-service.ts';
import type { CommandContext } from '../command-context.ts';
import type { SpendView } from '../../engine/view-types.ts';

export const STATUS_HELP = `spendbar status [--source ID]… [--cap USD] [--now ISO-8601] [--tz ZONE] [--json]
This period's spend, remaining budget, projected month-end with its range, and source states.`;

const OPTIONS = { source: { type: 'string', multiple: true }, cap: { type: 'string' }, now: { type: 'string' } } as const;

export function statusJson(view: SpendView): unknown {
  return {
    asOf: view.asOf,
    period: { start: view.period.start, end: view.period.end },
    // An incomplete figure is not printed as if it were the total: null until every counted source's
    // data covers the period (see each source's dataThrough).
    spentUsd: view.spentComplete ? view.spentUsd : null,
    capUsd: view.capUsd,
    remainingUsd: view.spentComplete ? view.remainingUsd : null,
    projectedUsd: view.projectedUsd,
    projectedLowUsd: view.projectedLowUsd,
    projectedHighUsd: view.projectedHighUsd,
    capHitDate: view.capHitDate,
    byModel: view.byModel.map((m) => ({ model: m.model, usd: m.usd })),
    // Adds up to the same total as byModel: no-key (Workbench) and not-by-key spend are rows too.
    byKey: view.byKey.map((k) => ({
      source: k.source,
      kind: k.kind,
      keyId: k.keyId,
      label: k.label,
      hint: k.hint,
      status: k.status,
      usd: k.usd,
      estimate: k.estimate,
    })),
    sources: view.sources.map((s) => ({
      id: s.id,
      state: s.state,
      ...(s.message ? { message: s.message } : {}),
      ...(s.retryAt ? { retryAt: s.retryAt } : {}),
      dataThrough: s.dataThrough ?? null,
    })),
    providerLimits: view.providerLimits.map((l) => ({ source: l.source, scope: l.scope, usd: l.usd, enforcing: l.enforcing })),
    alerts: view.alerts.map((a) => ({ id: a.id, kind: a.kind, severity: a.severity, title: a.title, body: a.body })),
    // What needs the user's attention beyond the numbers: a ledger moved aside, skipped log lines.
    notices: view.notices,
  };
}

/** The cap-hit date is read with the range: sure only when the low end passes the cap. */
const CAP_LINES: Record<NonNullable<SpendView['capOutlook']>, string | null> = {
  over: '(reached)',
  'will-exceed': 'at the current pace',
  'may-exceed': 'possible, at the top of the range',
  within: null,
};

const money = (usd: number) => `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function printHuman(view: SpendView, ctx: CommandContext): void {
  if (view.level === 'empty') {
    ctx.out('Spendbar — no source set up yet.');
    ctx.out('  Add an Admin key in the app (Settings), or set SPENDBAR_ANTHROPIC_ADMIN_KEY / SPENDBAR_OPENAI_ADMIN_KEY;');
    ctx.out('  Claude Code logs are read from ~/.claude/projects and ~/.config/claude/projects (or CLAUDE_CONFIG_DIR).');
    ctx.out('  To look around first: spendbar demo-server, then point SPENDBAR_ANTHROPIC_BASE_URL at it.');
    return;
  }
  ctx.out(
    `Spendbar — ${view.period.startDate} to ${view.period.endDate} (${view.timeZone}), day ${view.period.dayOfPeriod} of ${view.period.days}${view.demo ? ' — DEMO DATA' : ''}`,
  );
  const cap = view.capUsd === null ? 'no cap set' : `of ${money(view.capUsd)} cap (${view.percentOfCap} %)`;
  const note = view.spentComplete
    ? ''
    : view.sources.every((s) => !s.counted || s.coverage === 'none')
      ? ' — no data yet'
      : ' so far — partial, see the sources below';
  ctx.out(`  Spent       ${money(view.spentUsd)} ${cap}${note}`);
  if (view.remainingUsd !== null) ctx.out(`  Remaining   ${money(view.remainingUsd)}`);
  for (const l of view.providerLimits.filter((x) => x.enforcing))
    ctx.out(`  Provider limit ${money(l.usd)} (${l.source} ${l.scope}) — requests fail beyond it`);
  ctx.out(
    `  Projected   ${money(view.projectedUsd)} (likely ${money(view.projectedLowUsd)} – ${money(view.projectedHighUsd)})${view.forecastRoughReason ? `: ${view.forecastRoughReason}` : ''}`,
  );
  const capLine = CAP_LINES[view.capOutlook ?? 'within'];
  if (view.capHitDate && capLine) ctx.out(`  Cap hit     ${view.capHitDate} ${capLine}`);
  ctx.out(`  Today       ${money(view.todayUsd)}, last hour ${money(view.hourlyRateUsd)}`);
  for (const m of view.byModel.slice(0, 8)) ctx.out(`    ${m.displayName.padEnd(28)} ${money(m.usd).padStart(12)}`);
  if (view.byWorkspace.length > 0) ctx.out('  By workspace (Anthropic) and project (OpenAI)');
  for (const w of view.byWorkspace.slice(0, 8)) {
    const name = w.workspace ?? (w.source === 'openai' ? 'default project' : 'default workspace');
    ctx.out(`    ${name.padEnd(28)} ${money(w.usd).padStart(12)}`);
  }
  if (view.byKey.length > 0) ctx.out('  By API key (est.: split of the day by priced usage)');
  for (const k of view.byKey) {
    const name = `${k.label}${k.hint ? ` ${k.hint}` : ''}${k.status ? ` [${k.status}]` : ''}${k.estimate ? ' est.' : ''}`;
    ctx.out(
      `    ${name.padEnd(40)} ${money(k.usd).padStart(12)}  ${k.source}${k.kind === 'key' && k.label !== k.keyId ? ` ${k.keyId}` : ''}`,
    );
  }
  for (const s of view.sources) {
    const through = s.dataThrough ? `, data through ${s.dataThrough.slice(0, 13)}:00Z` : '';
    const data = s.coverage === 'none' ? ' — no data yet' : s.coverage === 'partial' ? ` — partial${through}` : '';
    ctx.out(`  ${s.label.padEnd(26)} ${s.state}${s.message ? `: ${s.message}` : ''}${data}${s.counted ? '' : ' (not counted)'}`);
  }
  for (const u of view.unpriced)
    ctx.out(`  Unpriced: ${u.model} (${u.inputTokens + u.outputTokens} tokens) — add a price in Settings`);
  for (const a of view.alerts) ctx.out(`  ! ${a.title}`);
  for (const n of view.notices) ctx.out(`  note: ${n}`);
}

export async function runStatus(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, 'status');
  if (values.help) {
    ctx.out(STATUS_HELP);
    return 0;
  }
  const sources = sourcesArg(values.source, ctx);
  const { service, problems } = await cliService(ctx, {
    now: nowArg(values.now, ctx),
    timeZone: timeZoneArg(values.tz),
    capUsd: capArg(values.cap),
  });
  for (const p of problems) ctx.err(`spendbar: ${p}`);
  await service.refreshAllOnce();
  const { view } = await service.view(sources ? { sources } : {});
  if (values.json) ctx.out(JSON.stringify(statusJson(view)));
  else printHuman(view, ctx);
  return 0;
}
