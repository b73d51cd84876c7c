/**
 * A stand-in for OpenRouter's key, credits and activity endpoints, written from OpenRouter's API
 * reference (see app/sources/openrouter/openrouter-parse.ts for the pages), not from our client:
 * - amounts are JSON numbers with many decimals (OpenRouter bills fractions of a cent);
 * - `limit`, `limit_remaining` and `limit_reset` are null for a key without a limit;
 * - extra fields the client does not use (byok_*, rate_limit marked deprecated, creator_user_id);
 * - /credits and /activity answer 403 to a key that is not a management key;
 * - /activity covers the last 30 completed UTC days — today is never in it — and its rows come
 *   in no particular order; `?date=` filters one day;
 * - errors are `{ "error": { "code", "message" } }`.
 * The month is seeded: the same seed and clock give the same spend.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { noise } from './demo-noise.ts';

export const DEMO_OPENROUTER_KEY = 'sk-or-v1-demo0spendbar00000000000000000000000000000000000000000000';
export const DEMO_OPENROUTER_MANAGEMENT_KEY = 'sk-or-v1-mgmt0spendbar00000000000000000000000000000000000000000000';

const MODELS = ['anthropic/claude-sonnet-4.5', 'openai/gpt-5.1', 'google/gemini-2.5-pro', 'deepseek/deepseek-chat-v3.1'];
const DAY_MS = 86_400_000;

export interface OpenRouterDay {
  readonly day: string;
  readonly model: string;
  /** Dollars, rounded to 1e-9 as OpenRouter reports fractions of a cent. */
  readonly usd: number;
  readonly requests: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export class DemoOpenRouter {
  constructor(
    private readonly seed: number,
    private readonly now: () => Date,
    /** The key's own monthly limit in dollars; null for none. */
    readonly limitUsd: number | null = 150,
  ) {}

  /** Spend of one UTC day and model; today's grows with the hours elapsed. */
  spend(dayStart: number, model: string): OpenRouterDay {
    const share = Math.min(1, (this.now().getTime() - dayStart) / DAY_MS);
    const level = noise(this.seed, 0x0e, Math.floor(dayStart / DAY_MS), MODELS.indexOf(model));
    const usd = Math.round((0.1 + level * 0.8) * (MODELS.indexOf(model) + 1) * share * 1e9) / 1e9;
    const requests = Math.round(usd * 40);
    return {
      day: new Date(dayStart).toISOString().slice(0, 10),
      model,
      usd,
      requests,
      promptTokens: requests * 1800,
      completionTokens: requests * 350,
    };
  }

  private daysSince(from: number, to: number): OpenRouterDay[] {
    const out: OpenRouterDay[] = [];
    for (let day = from; day < to; day += DAY_MS) for (const model of MODELS) out.push(this.spend(day, model));
    return out;
  }

  private sum(days: readonly OpenRouterDay[]): number {
    return Math.round(days.reduce((s, d) => s + d.usd, 0) * 1e9) / 1e9;
  }

  private get today(): number {
    return Math.floor(this.now().getTime() / DAY_MS) * DAY_MS;
  }

  keyBody(label: string): unknown {
    const now = this.now();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const weekday = (now.getUTCDay() + 6) % 7; // Monday-based weeks (OpenRouter: Mon–Sun)
    const month = this.sum(this.daysSince(monthStart, this.today + DAY_MS));
    const usage = {
      usage: this.sum(this.daysSince(this.today - 90 * DAY_MS, this.today + DAY_MS)),
      usage_daily: this.sum(this.daysSince(this.today, this.today + DAY_MS)),
      usage_weekly: this.sum(this.daysSince(this.today - weekday * DAY_MS, this.today + DAY_MS)),
      usage_monthly: month,
    };
    const limited = this.limitUsd !== null;
    return {
      data: {
        label,
        limit: this.limitUsd,
        limit_remaining: limited ? Math.max(0, Math.round((this.limitUsd! - month) * 1e9) / 1e9) : null,
        limit_reset: limited ? 'monthly' : null,
        include_byok_in_limit: false,
        ...usage,
        byok_usage: 0,
        byok_usage_daily: 0,
        byok_usage_weekly: 0,
        byok_usage_monthly: 0,
        is_free_tier: false,
        is_management_key: label.includes('mgmt'),
        is_provisioning_key: label.includes('mgmt'),
        creator_user_id: 'user_2dDemoSpendbar',
        rate_limit: { requests: 1000, interval: '1h', note: 'This field is deprecated and safe to ignore.' },
      },
    };
  }

  creditsBody(): unknown {
    const used = this.sum(this.daysSince(this.today - 90 * DAY_MS, this.today + DAY_MS));
    return { data: { total_credits: 1000, total_usage: used } };
  }

  /** The last 30 completed UTC days, newest first and models shuffled, as a list would come. */
  activityBody(date: string | null): unknown {
    const days = this.daysSince(this.today - 30 * DAY_MS, this.today)
      .filter((d) => date === null || d.day === date)
      .reverse();
    return {
      data: days.map((d, i) => ({
        date: d.day,
        model: d.model,
        model_permaslug: `${d.model}-2025-09-29`,
        endpoint_id: `ep-${i}`,
        provider_name: d.model.split('/')[0],
        usage: d.usd,
        byok_usage_inference: 0,
        requests: d.requests,
        prompt_tokens: d.promptTokens,
        completion_tokens: d.completionTokens,
        reasoning_tokens: 0,
      })),
    };
  }

  /** Serves /api/v1/{key,credits,activity}; returns false for any other path. */
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    keys: { plain: readonly string[]; management: readonly string[] },
  ): boolean {
    if (!url.pathname.startsWith('/api/v1/')) return false;
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const presented = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
    const management = keys.management.includes(presented);
    if (!management && !keys.plain.includes(presented)) {
      send(401, { error: { code: 401, message: 'No auth credentials found' } });
      return true;
    }
    const path = url.pathname.slice('/api/v1/'.length);
    if (path === 'key') send(200, this.keyBody(management ? 'sk-or-v1-mgmt...000' : 'sk-or-v1-demo...000'));
    else if (path !== 'credits' && path !== 'activity') send(404, { error: { code: 404, message: 'Not Found' } });
    else if (!management) send(403, { error: { code: 403, message: 'Only management keys can perform this operation' } });
    else send(200, path === 'credits' ? this.creditsBody() : this.activityBody(url.searchParams.get('date')));
    return true;
  }
}
