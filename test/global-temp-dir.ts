/**
 * Vitest global setup: every temp folder the tests make (ledgers, log trees, homes) goes under one
 * folder for the run, removed at the end, so repeated runs leave nothing in the system temp dir.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'spendbar-vitest-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
