/**
 * Settings in electron-store (atomic JSON in the app's folder), read through our own versioned
 * migrations and per-field validation: a bad value falls back to its default instead of the whole
 * file being thrown away, which electron-store's own schema option would do.
 *
 * Nothing is lost silently. A file that cannot be read or parsed (electron-store throws "is not
 * valid JSON" from its constructor) is moved aside and the app starts with defaults; a file with
 * invalid fields is copied aside before the corrected one is written. Either way `problems` says
 * what was reset, why, and where the original is, for the popover.
 */
import { copyFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { migrateSettings } from '../shared/settings-migrations.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings-schema.ts';
import type { SettingsStore } from './app-service.ts';

/** What we use of electron-store (and of conf, which it extends). */
export interface KeyValueStore {
  store: Record<string, unknown>;
  readonly path: string;
}

export type KeyValueStoreFactory = (options: { cwd: string; name: string; configName: string }) => KeyValueStore;

export interface OpenedSettings extends SettingsStore {
  readonly problems: readonly string[];
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');
const reasonOf = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

/** The store for this run: the file, or (when even a fresh file cannot be made) memory only. */
function openOrRecover(create: KeyValueStoreFactory, cwd: string, now: Date): { store: KeyValueStore; problems: string[] } {
  const options = { cwd, name: 'config', configName: 'config' };
  const file = join(cwd, 'config.json');
  try {
    return { store: create(options), problems: [] };
  } catch (error) {
    const aside = join(cwd, `config.unreadable-${stamp(now)}.json`);
    const reason = reasonOf(error);
    try {
      renameSync(file, aside);
      return {
        store: create(options),
        problems: [
          `Your settings could not be read (${reason}), so Spendbar started with default settings. The old file was kept as ${basename(aside)}.`,
        ],
      };
    } catch (second) {
      const memory: KeyValueStore = { store: { ...DEFAULT_SETTINGS }, path: file };
      return {
        store: memory,
        problems: [
          `Your settings could not be read (${reason}) or replaced (${reasonOf(second)}): default settings are in use and changes will not be saved this run.`,
        ],
      };
    }
  }
}

export function openSettingsStore(create: KeyValueStoreFactory, cwd: string, now = new Date()): OpenedSettings {
  const { store, problems } = openOrRecover(create, cwd, now);
  const { settings, problems: fieldProblems, migratedFrom } = migrateSettings(store.store);
  if (fieldProblems.length > 0 && migratedFrom <= settings.schemaVersion) {
    // Keep what the user wrote before correcting it.
    const aside = `config.invalid-${stamp(now)}.json`;
    let kept = '';
    try {
      copyFileSync(store.path, join(cwd, aside));
      kept = ` The file as it was is kept as ${aside}.`;
    } catch {
      // A memory-only store has no file to keep.
    }
    problems.push(...fieldProblems.map((p) => `${p[0]!.toUpperCase()}${p.slice(1)}.`), ...(kept ? [kept.trim()] : []));
  } else {
    problems.push(...fieldProblems);
  }
  // Write back once if the file was older, invalid in places, or new: from here on it is current.
  if (migratedFrom <= settings.schemaVersion && JSON.stringify(store.store) !== JSON.stringify(settings)) {
    store.store = { ...settings };
  }
  return {
    problems,
    read: () => migrateSettings(store.store).settings,
    write: (next: Settings) => {
      store.store = { ...next };
    },
  };
}
