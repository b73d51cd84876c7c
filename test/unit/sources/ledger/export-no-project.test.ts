import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../app/shared/settings-schema.ts';
import { exportCsv } from '../../../../app/sources/ledger/export-csv.ts';
import { Ledger } from '../../../../app/sources/ledger/ledger.ts';
import { SpendService } from '../../../../app/sources/spend-service.ts';
import { cost, ledgerHome, stored } from './ledger-home.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const usd = (n: number) => (BigInt(Math.round(n * 1e6)) * 1_000_000_000n).toString();

/**
 * OpenAI bills some lines with a model and no project. For a model we price, the line's dollars are
 * spread over the model's usage (its project rows); for a model we cannot price there is no usage to
 * spread over, so it stays a row of its own with an empty workspace: "(no project)".
 */
describe('export: an OpenAI bill line naming a model but no project', () => {
  it('is a row with an empty workspace beside the project rows, and the spent column still adds up to status', async () => {
    const home = ledgerHome();
    const ledger = Ledger.open(join(home, 'demo'));
    const hours = Array.from({ length: 24 }, (_, h) => `2026-11-10T${String(h).padStart(2, '0')}:00:00Z`);
    const usage = hours.flatMap((start) => [
      stored(start, { source: 'openai', model: 'gpt-5', workspace: 'proj_A' }),
      stored(start, { source: 'openai', model: 'gpt-acme-1', workspace: 'proj_A' }),
    ]);
    const line = (model: string, workspace: string | null, amount: number) =>
      cost('2026-11-10', usd(amount), {
        source: 'openai',
        model,
        workspace,
        line: `${model}, input`,
        description: `${model}, input`,
      });
    ledger.commit({
      source: 'openai',
      usage: [{ from: '2026-11-10T00:00:00Z', to: '2026-11-11T00:00:00Z', rows: usage }],
      costs: [
        {
          fromDay: '2026-11-10',
          toDay: '2026-11-11',
          rows: [
            line('gpt-5', 'proj_A', 2),
            line('gpt-5', null, 1),
            line('gpt-acme-1', 'proj_A', 0.5),
            line('gpt-acme-1', null, 0.25),
          ],
        },
      ],
    });
    ledger.close();
    const service = new SpendService({
      home,
      env: { HOME: home },
      now: () => NOW,
      keys: { get: async () => undefined },
      settings: () => ({ ...DEFAULT_SETTINGS, countedSources: ['openai'] }),
      demoBaseUrl: 'http://127.0.0.1:9', // never contacted
    });

    const rows = (await service.exportRows(undefined, undefined, ['openai'])).filter((r) => r.date === '2026-11-10');
    expect(rows.map((r) => [r.model, r.workspace, r.inputTokens, r.billedUsd, r.spentUsd])).toEqual([
      ['gpt-5', 'proj_A', 2400, '3', '3'],
      ['gpt-acme-1', null, 0, '0.25', '0.25'],
      ['gpt-acme-1', 'proj_A', 2400, '0.5', '0.5'],
    ]);
    const { view } = await service.view({ sources: ['openai'] });
    const csvSpent = exportCsv(await service.exportRows(undefined, undefined, ['openai']))
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .reduce((sum, l) => sum + Number(l.split(',').at(-1) || 0), 0);
    expect(view.spentUsd).toBeCloseTo(3.75, 6);
    expect(csvSpent).toBeCloseTo(view.spentUsd, 6);
    expect(exportCsv(rows)).toContain('"gpt-acme-1","",0,');
  });
});
