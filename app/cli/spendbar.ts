#!/usr/bin/env node
/** The `spendbar` command: the same numbers as the tray, in a terminal. */
import { readFileSync } from 'node:fs';
import { buildCatalog } from '../engine/catalog/catalog.ts';
import { UsageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { DAILY_HELP, runDaily } from './commands/daily.ts';
import { DEMO_HELP, runDemoServer } from './commands/demo-server.ts';
import { EXPORT_HELP, runExport } from './commands/export.ts';
import { PRICE_HELP, runPrice } from './commands/price.ts';
import { PRICES_HELP, runPrices } from './commands/prices.ts';
import { runStatus, STATUS_HELP } from './commands/status.ts';
import { readSettingsFile } from '../sources/settings-file.ts';
import { spendbarHome } from '../sources/spendbar-home.ts';

const HELP = `spendbar — LLM API spend in your terminal

Usage: spendbar <command> [flags]   ·   spendbar --version

Commands:
  price         the cost of one call or bucket
  prices        --check: where your bill's rates differ from our catalog
  status        this period's spend, cap, projection and alerts
  daily         one row per day
  export        the history as CSV or JSON, for a spreadsheet
  demo-server   serve the simulated organization on 127.0.0.1

Every command takes --json and --tz <IANA zone>. Run "spendbar <command> --help" for its flags.

${PRICE_HELP}

${PRICES_HELP}

${STATUS_HELP}

${DAILY_HELP}

${EXPORT_HELP}

${DEMO_HELP}`;

/** From package.json: two folders up from app/cli (tsx) and from out/cli (the built command) alike. */
export function cliVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function runCli(argv: string[], ctx: CommandContext): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const settings = readSettingsFile(spendbarHome(ctx.env));
    const catalog = buildCatalog(settings.priceOverrides);
    switch (command) {
      case 'price':
        runPrice(rest, ctx, catalog);
        return 0;
      case 'prices':
        return await runPrices(rest, ctx);
      case 'status':
        return await runStatus(rest, ctx);
      case 'daily':
        return await runDaily(rest, ctx);
      case 'export':
        return await runExport(rest, ctx);
      case 'demo-server':
        return await runDemoServer(rest, ctx);
      case '--version':
      case '-V':
      case 'version':
        ctx.out(`spendbar ${cliVersion()}`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        ctx.out(HELP);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}". Commands: price, prices, status, daily, export, demo-server.`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'exitCode' in error)) {
      ctx.err(`spendbar: ${error.message}`);
      return (error as { exitCode: number }).exitCode;
    }
    ctx.err(`spendbar: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const isEntryPoint = process.argv[1] !== undefined && /spendbar(\.ts|\.js|\.cjs|\.mjs)?$/.test(process.argv[1]);
if (isEntryPoint) {
  // `spendbar daily | head`: the reader left, so there is no one to write for. Stop quietly, as
  // Unix tools do, instead of an EPIPE stack trace on stderr.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  const code = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    now: () => new Date(),
    env: process.env,
  });
  process.exitCode = code;
}
