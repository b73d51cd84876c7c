import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../../../app/main/app-service.ts';
import { DEFAULT_SETTINGS } from '../../../../app/shared/settings-schema.ts';
import { DEMO_ANTHROPIC_KEY, startDemoServer, type DemoServer } from '../../../../app/sources/demo/demo-server.ts';
import { readSettingsFile, writeSettingsFile } from '../../../../app/sources/settings-file.ts';
import { ledgerHome } from './ledger-home.ts';

const NOW = Date.parse('2026-11-25T12:30:00Z');
let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ seed: 4, now: () => new Date(NOW) });
});
afterAll(() => demo.close());

/** The real AppService behind the popover's "Export CSV…" button; the save dialog answers with `answer`. */
async function app(answer: (name: string) => string | undefined) {
  const home = ledgerHome();
  writeSettingsFile(home, DEFAULT_SETTINGS);
  const asked: string[] = [];
  const service = new AppService({
    home,
    env: { HOME: home, SPENDBAR_ANTHROPIC_BASE_URL: demo.url, SPENDBAR_ANTHROPIC_ADMIN_KEY: DEMO_ANTHROPIC_KEY },
    now: () => NOW,
    secrets: {
      persistent: false,
      problem: null,
      get: async () => undefined,
      set: async () => {},
      remove: async () => {},
      has: async () => false,
    } as never,
    settings: { read: () => readSettingsFile(home), write: (s) => writeSettingsFile(home, s) },
    startDemo: async () => ({ url: demo.url, close: async () => undefined }),
    onView: () => {},
    chooseExportPath: async (name) => {
      asked.push(name);
      return answer(name);
    },
  });
  await service.start();
  await service.handle('spendbar:refresh-now', undefined);
  return { service, home, asked };
}

describe('"Export CSV…" in the popover settings', () => {
  it('asks where to save, suggesting a dated name, and writes the whole history there as CSV', async () => {
    const target = join(ledgerHome(), 'history.csv');
    const { service, asked } = await app(() => target);
    for (let i = 0; i < 100; i++) {
      const view = await service.handle('spendbar:get-view', undefined);
      if (view.ok && view.value.sources.find((s) => s.id === 'anthropic')?.state === 'ok') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const result = await service.handle('spendbar:export-csv', undefined);
    await service.stop();
    expect(asked).toEqual(['spendbar-2026-11-25.csv']);
    expect(result.ok && result.value?.path).toBe(target);
    const lines = readFileSync(target, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^date,source,model,workspace,input_tokens,/);
    expect(lines[1]).toMatch(/^2026-10-01,"anthropic",/);
    expect(lines.at(-1)).toMatch(/^2026-11-25,/);
    expect(result.ok && result.value?.rows).toBe(lines.length - 1);
  }, 120_000);

  it('a cancelled dialog writes nothing and says nothing', async () => {
    const { service } = await app(() => undefined);
    expect(await service.handle('spendbar:export-csv', undefined)).toEqual({ ok: true, value: null });
    expect(await service.handle('spendbar:export-csv', { path: '/etc/passwd' })).toMatchObject({ ok: false });
    await service.stop();
  }, 60_000);
});
