/** The alerts already fired this period, on disk, so a restart never repeats a notification. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlertState } from '../engine/alerts.ts';
import { writeFileAtomic } from './atomic-file.ts';

const FILE = 'alerts.json';

function isAlertState(value: unknown): value is AlertState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.periodStart === 'string' &&
    Array.isArray(v.fired) &&
    v.fired.every((r) => typeof r === 'object' && r !== null && typeof (r as Record<string, unknown>).id === 'string')
  );
}

export interface LoadedAlertState {
  readonly state: AlertState | undefined;
  /**
   * Why the file could not be used (permission, a directory, not our JSON). It is then left as it
   * is — never written over — and this says so; only a missing file is silent (nothing fired yet).
   */
  readonly problem?: string;
}

export function loadAlertState(home: string): LoadedAlertState {
  const file = join(home, FILE);
  const unusable = (why: string) => ({
    state: undefined,
    problem: `${file} ${why}: alerts already shown this period may show again, and what fires is not saved; the file was left as it is (fix or delete it to start afresh)`,
  });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: undefined };
    return unusable(`could not be read (${code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return unusable(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return isAlertState(parsed) ? { state: parsed } : unusable('is not a list of fired alerts');
}

/** The alerts already fired; undefined when there are none, or the file cannot be used (see loadAlertState). */
export function readAlertState(home: string): AlertState | undefined {
  return loadAlertState(home).state;
}

export function writeAlertState(home: string, state: AlertState): void {
  writeFileAtomic(join(home, FILE), JSON.stringify(state));
}
