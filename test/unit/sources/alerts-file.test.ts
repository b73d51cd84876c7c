import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusJson } from '../../../app/cli/commands/status.ts';
import { DEFAULT_SETTINGS } from '../../../app/shared/settings-schema.ts';
import { Ledger } from '../../../app/sources/ledger/ledger.ts';
import { SpendService } from '../../../app/sources/spend-service.ts';
import { daySync, ledgerHome } from './ledger/ledger-home.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');

/** $1 a day billed since the 1st against a $10 cap: threshold and cap alerts are due. */
function service() {
  const home = ledgerHome();
  const ledger = Ledger.open(join(home, 'demo'));
  for (let d = 1; d <= 25; d++) ledger.commit(daySync(`2026-11-${String(d).padStart(2, '0')}`, 100, '1000000000000000'));
  ledger.close();
  const s = new SpendService({
    home,
    env: { HOME: home },
    now: () => NOW,
    keys: { get: async () => undefined },
    settings: () => ({ ...DEFAULT_SETTINGS, countedSources: ['anthropic'], capUsd: '10' }),
    demoBaseUrl: 'http://127.0.0.1:9', // never contacted
  });
  return { s, file: join(home, 'alerts.json') };
}

const cases: Array<[string, (file: string) => void, RegExp]> = [
  ['garbage', (f) => writeFileSync(f, '{"periodStart": "2026-11-01", "fir'), /alerts\.json is not valid JSON/],
  ['not our shape', (f) => writeFileSync(f, '{"fired": 3}'), /alerts\.json is not a list of fired alerts/],
  ['a directory', (f) => mkdirSync(f), /alerts\.json could not be read \(EISDIR\)/],
];
const isRoot = process.getuid?.() === 0;

describe('an alerts.json that cannot be used', () => {
  it('a missing one is silent: nothing has fired yet', async () => {
    const { s } = service();
    const { view, due } = await s.view({ consumeAlerts: true });
    expect(view.notices.filter((n) => n.includes('alerts.json'))).toEqual([]);
    expect(due.length).toBeGreaterThan(0);
  });

  it.each(cases)(
    '%s: said in the view and status --json, the file kept as it was, nothing notified twice',
    async (_, make, says) => {
      const { s, file } = service();
      make(file);
      const before = statSync(file).isDirectory() ? 'directory' : readFileSync(file, 'utf8');
      const first = await s.view({ consumeAlerts: true });
      expect(first.view.notices.join('\n')).toMatch(says);
      expect(first.view.notices.join('\n')).toMatch(/left as it is/);
      expect((statusJson(first.view) as { notices: string[] }).notices.join('\n')).toMatch(says);
      expect(first.due.length).toBeGreaterThan(0);
      // Fired once: this session remembers it, although it cannot save it.
      expect((await s.view({ consumeAlerts: true })).due).toEqual([]);
      expect(statSync(file).isDirectory() ? 'directory' : readFileSync(file, 'utf8')).toBe(before);
    },
  );

  it.skipIf(isRoot)(
    'unreadable (permission): said, and the file kept (needs a non-root user: root reads it anyway)',
    async () => {
      const { s, file } = service();
      writeFileSync(file, '{"periodStart":"2026-11-01","fired":[]}');
      chmodSync(file, 0o000);
      const { view } = await s.view({ consumeAlerts: true });
      expect(view.notices.join('\n')).toMatch(/alerts\.json could not be read \(EACCES\)/);
      chmodSync(file, 0o600);
      expect(readFileSync(file, 'utf8')).toBe('{"periodStart":"2026-11-01","fired":[]}');
    },
  );
});
