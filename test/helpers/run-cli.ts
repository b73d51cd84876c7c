/** Runs the real `spendbar` command: in a child process (as users do) or in-process (fast). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../app/cli/spendbar.ts';
import type { SourceDefinition } from '../../app/sources/source-definition.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `npm run --silent spendbar -- …` exactly as the README says, with its own environment. Async, so
 * a demo server in the test process keeps answering while the command runs.
 */
export function spawnCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'spendbar', '--', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') }));
  });
}

export async function runCliInProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
  now = new Date('2026-11-25T12:00:00Z'),
  registry?: readonly SourceDefinition[],
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => now,
    env,
    ...(registry ? { registry } : {}),
  });
  return { code, stdout: out.length ? `${out.join('\n')}\n` : '', stderr: err.length ? `${err.join('\n')}\n` : '' };
}
