import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keyFormatProblem, openSecretStore } from '../../../app/main/secret-store.ts';

const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
if (!hasBus)
  console.warn(
    'secret-store: skipping the real-keychain tests: no D-Bus session (run them through `npm test`, which starts one with gnome-keyring)',
  );

describe.skipIf(!hasBus)('secret store on the real OS keychain (gnome-keyring)', () => {
  it('stores, reads and removes a key; another service name does not see it', async () => {
    const service = `app.spendbar.test.${process.pid}`;
    const store = await openSecretStore(service);
    expect(store.problem).toBeUndefined();
    expect(store.persistent).toBe(true);
    const key = `sk-ant-admin01-test-${Date.now()}`;
    await store.set('anthropic', `  ${key}\n`);
    expect(await store.get('anthropic')).toBe(key);
    expect(await store.has('openai')).toBe(false);
    const reopened = await openSecretStore(service);
    expect(await reopened.get('anthropic')).toBe(key);
    expect(await (await openSecretStore(`${service}.other`)).get('anthropic')).toBeUndefined();
    await store.remove('anthropic');
    expect(await store.has('anthropic')).toBe(false);
  });
});

describe('secret store without a keychain', () => {
  it('keeps the key in memory only and says why', () => {
    const probe = fileURLToPath(new URL('../../helpers/secret-store-probe.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', probe], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/spendbar-bus' },
      encoding: 'utf8',
    });
    const report = JSON.parse(result.stdout);
    expect(report.persistent).toBe(false);
    expect(report.problem).toMatch(/No OS keychain is available.*kept for this run only/);
    expect(report.readBack).toBe(true);
  });
});

describe('key format', () => {
  it.each([
    ['anthropic', 'sk-ant-api03-abc', /not an Anthropic Admin key/],
    ['openai', 'sk-proj-abc', /not an OpenAI Admin key/],
    ['anthropic', '', /empty/],
    ['anthropic', 'sk-ant-admin01 abc', /spaces/],
  ] as const)('%s %j is refused with a message that does not repeat it', (provider, key, message) => {
    const problem = keyFormatProblem(provider, key);
    expect(problem).toMatch(message);
    if (key.length > 3) expect(problem).not.toContain(key.trim());
  });
  it('accepts admin keys', () => {
    expect(keyFormatProblem('anthropic', 'sk-ant-admin01-xyz')).toBeUndefined();
    expect(keyFormatProblem('openai', 'sk-admin-xyz')).toBeUndefined();
  });
});
