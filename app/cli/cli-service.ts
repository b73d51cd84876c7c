/** The SpendService as the CLI uses it: settings from the file, flags on top, keys from env or keychain. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isKeyProvider, openSecretStore } from '../main/secret-store.ts';
import { isDecimalUsd, type Settings } from '../shared/settings-schema.ts';
import { readSettingsFile } from '../sources/settings-file.ts';
import { SpendService } from '../sources/spend-service.ts';
import { SOURCE_REGISTRY } from '../sources/registry.ts';
import { spendbarHome } from '../sources/spendbar-home.ts';
import type { SourceKey } from '../engine/view-types.ts';
import { UsageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';

export function sourcesArg(values: readonly string[] | undefined, ctx: CommandContext): SourceKey[] | undefined {
  if (!values || values.length === 0) return undefined;
  const known = (ctx.registry ?? SOURCE_REGISTRY).map((s) => s.id);
  for (const v of values)
    if (!known.includes(v)) throw new UsageError(`--source must be one of ${known.join(', ')} (got "${v}")`);
  return [...values];
}

export function nowArg(value: string | undefined, ctx: CommandContext): number {
  if (value === undefined) return ctx.now().getTime();
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time))
    throw new UsageError(`--now must be an ISO-8601 time such as 2026-11-25T12:00:00Z (got "${value}")`);
  return time;
}

export function capArg(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isDecimalUsd(value)) throw new UsageError(`--cap must be a dollar amount such as 500 or 1250.50 (got "${value}")`);
  return value;
}

/**
 * The scan worker built beside the compiled CLI (out/cli/spendbar.mjs → out/main/scan-worker.cjs),
 * so `spendbar status` reads a large log tree on every core as the app does. Run from source
 * (tsx), there is none and the scan stays on one thread.
 */
function scanWorkerScript(): string | undefined {
  const script = fileURLToPath(new URL('../main/scan-worker.cjs', import.meta.url));
  return import.meta.url.endsWith('/out/cli/spendbar.mjs') && existsSync(script) ? script : undefined;
}

export interface CliServiceOptions {
  readonly now: number;
  readonly timeZone?: string | undefined;
  readonly capUsd?: string | undefined;
}

export async function cliService(
  ctx: CommandContext,
  options: CliServiceOptions,
): Promise<{ service: SpendService; settings: Settings; problems: readonly string[] }> {
  const home = spendbarHome(ctx.env);
  const loaded = readSettingsFile(home);
  const settings: Settings = {
    ...loaded,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.capUsd ? { capUsd: options.capUsd } : {}),
  };
  // The keychain is opened only when some keyed source has no key in the environment.
  const needsKeychain = (ctx.registry ?? SOURCE_REGISTRY).some(
    (s) => s.credential.kind !== 'none' && !ctx.env[s.credential.envVar],
  );
  const secrets = needsKeychain ? await openSecretStore() : undefined;
  const worker = scanWorkerScript();
  const service = new SpendService({
    home,
    env: ctx.env,
    now: () => options.now,
    settings: () => settings,
    keys: {
      get: async (id) => (secrets?.persistent && isKeyProvider(id) ? secrets.get(id).catch(() => undefined) : undefined),
    },
    ...(worker ? { claudeScanWorkers: { script: worker } } : {}),
    ...(ctx.registry ? { registry: ctx.registry } : {}),
  });
  return { service, settings, problems: loaded.problems };
}
