/**
 * Validates every IPC payload in main: the renderer is treated as untrusted. Unknown channels and
 * malformed payloads get a plain error result, never an exception.
 */
import type { InvokeChannel, KeyProvider, RequestOf } from '../shared/ipc-contract.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { isKeyProvider } from './secret-store.ts';
import { isSettingsKey, validateSettings, type Settings } from '../shared/settings-schema.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A source whose definition says it takes a key (the registry decides, not a list here). */
const isProvider = (v: unknown): v is KeyProvider => isKeyProvider(v);

/**
 * A settings patch as a fresh object holding only the validated copies of own, known keys. The
 * check is not `k in DEFAULT_SETTINGS`, which also sees Object.prototype (`constructor`,
 * `toString`…), and the payload itself is never stored: extra fields inside a value (a 1 MB field
 * inside a price override) do not reach config.json.
 */
function settingsPatch(payload: unknown): Result<Partial<Settings>> {
  if (!isRecord(payload)) return fail('settings must be an object');
  const keys = Object.keys(payload);
  const unknown = keys.filter((k) => !isSettingsKey(k) || k === 'schemaVersion');
  if (unknown.length) return fail(`unknown setting: ${unknown.map((k) => k.slice(0, 40)).join(', ')}`);
  const { settings, problems } = validateSettings(payload);
  if (problems.length) return fail(problems.map((p) => p.replace(/; it was reset to .*$/, '')).join('; '));
  const patch: Record<string, unknown> = {};
  for (const key of keys as Array<keyof Settings>) patch[key] = settings[key];
  return ok(patch as Partial<Settings>);
}

export function parseRequest<C extends InvokeChannel>(channel: C, payload: unknown): Result<RequestOf<C>> {
  const accept = (value: unknown) => ok(value as RequestOf<C>);
  switch (channel as InvokeChannel) {
    case 'spendbar:get-view':
    case 'spendbar:get-setup':
    case 'spendbar:refresh-now':
    case 'spendbar:close-popover':
    case 'spendbar:export-csv':
      return payload === undefined || payload === null ? accept(undefined) : fail(`${channel} takes no payload`);
    case 'spendbar:set-key':
      if (!isRecord(payload) || !isProvider(payload.provider) || typeof payload.key !== 'string' || payload.key.length > 500)
        return fail('set-key needs a provider (a source that takes a key) and a key');
      return accept({ provider: payload.provider, key: payload.key });
    case 'spendbar:remove-key':
      return isRecord(payload) && isProvider(payload.provider)
        ? accept({ provider: payload.provider })
        : fail('remove-key needs a provider');
    case 'spendbar:test-key':
      if (
        !isRecord(payload) ||
        !isProvider(payload.provider) ||
        (payload.key !== undefined && (typeof payload.key !== 'string' || payload.key.length > 500))
      )
        return fail('test-key needs a provider and, optionally, a key');
      return accept(
        payload.key === undefined ? { provider: payload.provider } : { provider: payload.provider, key: payload.key },
      );
    case 'spendbar:update-settings': {
      const patch = settingsPatch(payload);
      return patch.ok ? accept(patch.value) : patch;
    }
    case 'spendbar:set-demo-mode':
      return isRecord(payload) && typeof payload.enabled === 'boolean'
        ? accept({ enabled: payload.enabled })
        : fail('set-demo-mode needs enabled: true or false');
    case 'spendbar:snooze-alert':
      return isRecord(payload) &&
        typeof payload.id === 'string' &&
        typeof payload.minutes === 'number' &&
        payload.minutes > 0 &&
        payload.minutes <= 7 * 24 * 60
        ? accept({ id: payload.id, minutes: payload.minutes })
        : fail('snooze-alert needs an alert id and 1–10080 minutes');
    case 'spendbar:fit-height':
      return isRecord(payload) && typeof payload.height === 'number' && payload.height >= 1 && payload.height <= 10_000
        ? accept({ height: Math.ceil(payload.height) })
        : fail('fit-height needs a height of 1–10000 pixels');
    default:
      return fail(`unknown channel ${String(channel)}`);
  }
}
