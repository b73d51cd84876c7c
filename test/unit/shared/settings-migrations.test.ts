import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateSettings } from '../../../app/shared/settings-migrations.ts';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../app/shared/settings-schema.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/settings/${name}`, import.meta.url), 'utf8'));

describe('settings migrations, from a fixture of each version', () => {
  it('v0 (unversioned prototype): budget and fractions become cap and percent thresholds', () => {
    const { settings, problems, migratedFrom } = migrateSettings(fixture('v0-prototype.json'));
    expect(migratedFrom).toBe(0);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      schemaVersion: SETTINGS_VERSION,
      capUsd: '250.00',
      thresholds: [50, 80, 100],
      timeZone: 'Europe/Paris',
      trayFigure: 'spent',
    });
    expect(settings).not.toHaveProperty('budget');
  });

  it('v1 (current): every field survives unchanged', () => {
    const raw = fixture('v1-full.json') as Record<string, unknown>;
    const { settings, problems } = migrateSettings(raw);
    expect(problems).toEqual([]);
    expect(settings).toEqual(raw);
  });

  it('an invalid field falls back to its default and is named; the valid ones are kept', () => {
    const { settings, problems } = migrateSettings(fixture('v1-partly-invalid.json'));
    expect(settings.capUsd).toBe(DEFAULT_SETTINGS.capUsd);
    expect(settings.timeZone).toBe('UTC');
    expect(settings.pollIntervalMinutes).toBe(5);
    expect(settings.trayFigure).toBe('spent');
    expect(settings.priceOverrides.map((o) => o.model)).toEqual(['ok-model']);
    // Each problem says what the value was, what it must be, and what it became.
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^setting "capUsd" was .+ but must be null or a dollar amount in quotes, such as "250.00"; it was reset to null$/,
        ),
        expect.stringMatching(
          /^setting "timeZone" was .+ but must be an IANA time zone such as "Europe\/Paris"; it was reset to "UTC"$/,
        ),
        expect.stringMatching(/^1 price override\(s\) were dropped: each needs a model name/),
      ]),
    );
  });

  it('a file from a newer version is read, not downgraded, and says so', () => {
    const { settings, problems } = migrateSettings({ schemaVersion: 99, capUsd: '10', futureField: true });
    expect(settings.capUsd).toBe('10');
    expect(problems.join()).toMatch(/newer Spendbar \(version 99\)/);
  });

  it.each([null, 42, 'text', []])('a document that is not an object (%j) gives the defaults', (raw) => {
    expect(migrateSettings(raw).settings).toEqual(DEFAULT_SETTINGS);
  });
});
