/**
 * Reads the settings document outside Electron (the CLI). The app writes it through electron-store
 * into the same folder; both go through the same migrations and validation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrateSettings } from '../shared/settings-migrations.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings-schema.ts';
import { writeFileAtomic } from './atomic-file.ts';

export const SETTINGS_FILE = 'config.json';

export interface LoadedSettings extends Settings {
  /** What was wrong with the file, for a message; the CLI never rewrites the user's file. */
  readonly problems: readonly string[];
}

export function readSettingsFile(home: string): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(join(home, SETTINGS_FILE), 'utf8');
  } catch {
    return { ...DEFAULT_SETTINGS, problems: [] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_SETTINGS, problems: [`${join(home, SETTINGS_FILE)} is not valid JSON; using default settings`] };
  }
  const { settings, problems } = migrateSettings(raw);
  return { ...settings, problems };
}

/** Writes the settings document atomically (the app writes through electron-store instead). */
export function writeSettingsFile(home: string, settings: Settings): void {
  writeFileAtomic(join(home, SETTINGS_FILE), JSON.stringify(settings, null, 2));
}
