/** `spendbar demo-server`: the simulated organization on 127.0.0.1, until interrupted. */
import { isScenarioName, SCENARIOS } from '../../sources/demo/demo-scenarios.ts';
import { startDemoServer } from '../../sources/demo/demo-server.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import type { CommandContext } from '../command-context.ts';

export const DEMO_HELP = `spendbar demo-server [--port N] [--seed N] [--scenario ${SCENARIOS.join('|')}] [--json]
Serves both admin APIs for a simulated organization on 127.0.0.1 and prints the base URL.`;

const OPTIONS = { port: { type: 'string' }, seed: { type: 'string' }, scenario: { type: 'string' } } as const;

export async function runDemoServer(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, 'demo-server');
  if (values.help) {
    ctx.out(DEMO_HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number 0–65535 (got "${values.port}")`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number (got "${values.seed}")`);
  const scenario = values.scenario ?? 'steady';
  if (!isScenarioName(scenario)) throw new UsageError(`--scenario must be one of ${SCENARIOS.join(', ')} (got "${scenario}")`);
  const server = await startDemoServer({ port, seed, scenario, leakedKey: true });
  ctx.out(values.json ? JSON.stringify({ url: server.url, scenario, seed }) : server.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
