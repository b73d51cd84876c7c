import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../app/shared/settings-schema.ts';
import { SOURCE_REGISTRY } from '../../../app/sources/registry.ts';
import { SpendService } from '../../../app/sources/spend-service.ts';
import { acmeSource as testSource } from '../../helpers/acme-source.ts';
import { tempDir } from '../../helpers/claude-logs.ts';
import { runCliInProcess } from '../../helpers/run-cli.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('the source registry', () => {
  it('every source declares a distinct id, a label, a poll cost and an interval the user may not go below', () => {
    const ids = SOURCE_REGISTRY.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['anthropic', 'openai', 'openrouter', 'claude-code', 'codex']);
    for (const s of SOURCE_REGISTRY) {
      expect(s.label).not.toBe('');
      expect(s.pollCost).not.toBe('');
      expect(s.pollMinutes.min).toBeLessThanOrEqual(s.pollMinutes.default);
      // Estimates are counted only without the billed source they duplicate; that source exists.
      if (s.duplicates) expect(ids).toContain(s.duplicates);
    }
  });

  it('a source added in a test appears in the view and is counted, without touching any other file', async () => {
    const home = tempDir('spendbar-registry-');
    const service = new SpendService({
      home,
      env: { HOME: home, SPENDBAR_ACME_KEY: 'acme-secret' },
      now: () => NOW,
      keys: { get: async () => undefined },
      settings: () => DEFAULT_SETTINGS,
      registry: [...SOURCE_REGISTRY, testSource],
    });
    await service.refreshAllOnce();
    const { view } = await service.view();
    expect(view.sources.at(-1)).toMatchObject({ id: 'acme-llm', label: 'Acme LLM', state: 'ok', counted: true, spentUsd: 25 });
    expect(view.spentUsd).toBe(25);
  });

  it('the CLI offers it to --source and reports it', async () => {
    const home = tempDir('spendbar-registry-cli-');
    const env = { HOME: home, SPENDBAR_HOME: home, SPENDBAR_ACME_KEY: 'acme-secret' };
    const registry = [...SOURCE_REGISTRY, testSource];
    const result = await runCliInProcess(
      ['status', '--source', 'acme-llm', '--now', '2026-11-25T12:00:00Z', '--json'],
      env,
      new Date(NOW),
      registry,
    );
    expect(result.stderr).toBe('');
    const doc = JSON.parse(result.stdout);
    expect(doc.sources).toEqual([{ id: 'acme-llm', state: 'ok', dataThrough: '2026-11-25T12:00:00.000Z' }]);
    expect(doc.spentUsd).toBe(25);
    const refused = await runCliInProcess(['status', '--source', 'nope'], env, new Date(NOW), registry);
    expect(refused.stderr).toMatch(/--source must be one of anthropic, openai, openrouter, claude-code, codex, acme-llm/);
  });
});
