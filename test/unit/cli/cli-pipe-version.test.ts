/** The command behaves like a Unix tool: quiet when its reader goes away, and it knows its version. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/claude-logs.ts';
import { runCliInProcess } from '../../helpers/run-cli.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function shell(command: string, env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') }));
  });
}

describe('spendbar in a pipeline', () => {
  it('piped to head, it stops quietly: no EPIPE, no stack trace', async () => {
    const home = tempDir('spendbar-pipe-');
    // 27 years of rows is far more than a pipe buffer, so writes go on after head has left.
    const { stdout, stderr } = await shell(
      'npm run --silent spendbar -- daily --since 2000-01-01 --until 2026-11-30 | head -n 2',
      { HOME: home, SPENDBAR_HOME: home },
    );
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(stderr).toBe('');
  }, 60_000);

  it('answers --version with the package version', async () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = await runCliInProcess([flag]);
      expect(result).toEqual({ code: 0, stdout: `spendbar ${version}\n`, stderr: '' });
    }
  });
});
