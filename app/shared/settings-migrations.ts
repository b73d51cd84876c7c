/**
 * Our own versioned migrations (not electron-store's `migrations` option, which keys on the app
 * version and cannot be tested from fixtures). Each step takes the previous shape to the next.
 */
import { SETTINGS_VERSION, validateSettings, type Settings } from './settings-schema.ts';

type Document = Record<string, unknown>;

/** Version 0: the unversioned prototype file (`budget` as a number, `notifyAt` as fractions). */
function v0ToV1(doc: Document): Document {
  const { budget, notifyAt, ...rest } = doc;
  const next: Document = { ...rest, schemaVersion: 1 };
  if (typeof budget === 'number' && Number.isFinite(budget) && budget >= 0) next.capUsd = budget.toFixed(2);
  if (Array.isArray(notifyAt)) next.thresholds = notifyAt.filter((f) => typeof f === 'number').map((f) => Math.round(f * 100));
  return next;
}

const STEPS: ReadonlyArray<(doc: Document) => Document> = [v0ToV1];

export function migrateSettings(raw: unknown): { settings: Settings; problems: string[]; migratedFrom: number } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ...validateSettings({}),
      problems: ['settings file held no settings object; using defaults'],
      migratedFrom: SETTINGS_VERSION,
    };
  }
  let doc = raw as Document;
  const from = typeof doc.schemaVersion === 'number' && Number.isInteger(doc.schemaVersion) ? doc.schemaVersion : 0;
  if (from > SETTINGS_VERSION) {
    // Written by a newer Spendbar: read what we understand, never downgrade the file.
    const result = validateSettings(doc);
    return {
      ...result,
      problems: [...result.problems, `settings were written by a newer Spendbar (version ${from})`],
      migratedFrom: from,
    };
  }
  for (let version = from; version < SETTINGS_VERSION; version++) {
    const step = STEPS[version];
    if (step) doc = step(doc);
  }
  return { ...validateSettings(doc), migratedFrom: from };
}
