import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { femtoToDecimalString } from '../../../../app/engine/money.ts';
import {
  DEMO_OPENROUTER_KEY,
  DEMO_OPENROUTER_MANAGEMENT_KEY,
  DemoOpenRouter,
} from '../../../../app/sources/demo/demo-openrouter.ts';
import { OpenRouterClient } from '../../../../app/sources/openrouter/openrouter-client.ts';
import { dollarsFemto, parseKey } from '../../../../app/sources/openrouter/openrouter-parse.ts';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const standIn = new DemoOpenRouter(3, () => new Date(NOW));
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    standIn.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'), {
      plain: [DEMO_OPENROUTER_KEY],
      management: [DEMO_OPENROUTER_MANAGEMENT_KEY],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (key: string) => new OpenRouterClient({ baseUrl, key, now: () => NOW });

describe('OpenRouter', () => {
  it('a plain key reads its own month, day and limit; credits and activity are simply not available', async () => {
    const snap = await client(DEMO_OPENROUTER_KEY).snapshot();
    expect(snap.activity).toBeNull();
    expect(snap.balanceFemto).toBeNull();
    expect(snap.key.limitFemto).toBe(150n * 10n ** 15n);
    expect(snap.key.limitReset).toBe('monthly');
    expect(snap.key.monthlyFemto + (snap.key.limitRemainingFemto ?? 0n)).toBe(snap.key.limitFemto);
    expect(snap.key.dailyFemto).toBeGreaterThan(0n);
    expect(snap.key.monthlyFemto).toBeGreaterThan(snap.key.weeklyFemto);
  });

  it('a management key reads 30 completed days by model (today never among them) and the balance', async () => {
    const snap = await client(DEMO_OPENROUTER_MANAGEMENT_KEY).snapshot();
    const days = new Set(snap.activity!.map((a) => a.day));
    expect(days.size).toBe(30);
    expect(days.has('2026-11-20')).toBe(false);
    expect(days.has('2026-10-21')).toBe(true);
    // This month's completed days plus today equal the month the key endpoint reports.
    const monthBefore = snap.activity!.filter((a) => a.day >= '2026-11-01').reduce((s, a) => s + a.femto, 0n);
    const plain = await client(DEMO_OPENROUTER_KEY).snapshot();
    expect(femtoToDecimalString(monthBefore + plain.key.dailyFemto)).toBe(femtoToDecimalString(plain.key.monthlyFemto));
    expect(snap.balanceFemto).toBeGreaterThan(0n);
  });

  it('a revoked key is a key problem with OpenRouter named, not an empty month', async () => {
    await expect(client('sk-or-v1-revoked').snapshot()).rejects.toMatchObject({ failure: { kind: 'key-rejected', status: 401 } });
  });

  it('dollar amounts are taken exactly as written, never through float rounding; nulls are no limit', () => {
    expect(dollarsFemto(0.000123456789, 'x')).toBe(123_456_789_000n);
    expect(dollarsFemto(1234.56789, 'x')).toBe(1_234_567_890_000_000_000n);
    expect(dollarsFemto(1e-7, 'x')).toBe(100_000_000n);
    expect(() => dollarsFemto('lots', 'data.usage')).toThrow(/data.usage is not a dollar amount/);
    const key = parseKey({
      data: { label: 'k', limit: null, limit_remaining: null, limit_reset: null, usage_monthly: 2.5, extra: { nested: true } },
    });
    expect(key).toMatchObject({
      limitFemto: null,
      limitRemainingFemto: null,
      monthlyFemto: 2_500_000_000_000_000n,
      dailyFemto: 0n,
    });
  });
});
