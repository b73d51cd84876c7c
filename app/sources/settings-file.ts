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

/**
 * The CLI never rewrites or moves the user's file (the app moves a bad one aside when it starts):
 * an unreadable or corrupt file is left as it is, defaults are used for this run, and the message
 * says so. Only a missing file is silent: that is a fresh install.
 */
export function readSettingsFile(home: string): LoadedSettings {
  const file = join(home, SETTINGS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ...DEFAULT_SETTINGS, problems: [] };
    return {
      ...DEFAULT_SETTINGS,
      problems: [`${file} could not be read (${code ?? String(error)}); using default settings, the file was left as it is`],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...DEFAULT_SETTINGS,
      problems: [`${file} is not valid JSON (${reason}); using default settings, the file was left as it is`],
    };
  }
  const { settings, problems } = migrateSettings(raw);
  return { ...settings, problems };
}

/** Writes the settings document atomically (the app writes through electron-store instead). */
export function writeSettingsFile(home: string, settings: Settings): void {
  writeFileAtomic(join(home, SETTINGS_FILE), JSON.stringify(settings, null, 2));
}
