/**
 * Settings in electron-store (atomic JSON in the app's folder), read through our own versioned
 * migrations and per-field validation: a bad value falls back to its default instead of the whole
 * file being thrown away, which electron-store's own schema option would do.
 */
import { migrateSettings } from '../shared/settings-migrations.ts';
import type { Settings } from '../shared/settings-schema.ts';
import type { SettingsStore } from './app-service.ts';

/** What we use of electron-store (and of conf, which it extends). */
export interface KeyValueStore {
  store: Record<string, unknown>;
}

export type KeyValueStoreFactory = (options: { cwd: string; name: string; configName: string }) => KeyValueStore;

export function openSettingsStore(
  create: KeyValueStoreFactory,
  cwd: string,
): SettingsStore & { readonly problems: readonly string[] } {
  const store = create({ cwd, name: 'config', configName: 'config' });
  const { settings, problems, migratedFrom } = migrateSettings(store.store);
  // Write back once if the file was older, invalid in places, or new: from here on it is current.
  if (
    migratedFrom !== settings.schemaVersion ||
    problems.length > 0 ||
    JSON.stringify(store.store) !== JSON.stringify(settings)
  ) {
    if (migratedFrom <= settings.schemaVersion) store.store = { ...settings };
  }
  return {
    problems,
    read: () => migrateSettings(store.store).settings,
    write: (next: Settings) => {
      store.store = { ...next };
    },
  };
}
