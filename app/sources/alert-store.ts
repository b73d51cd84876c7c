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

export function readAlertState(home: string): AlertState | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(home, FILE), 'utf8'));
    return isAlertState(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeAlertState(home: string, state: AlertState): void {
  writeFileAtomic(join(home, FILE), JSON.stringify(state));
}
