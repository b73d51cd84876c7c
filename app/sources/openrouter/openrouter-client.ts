/**
 * OpenRouter over HTTPS with a plain key (`Authorization: Bearer sk-or-…`). The key endpoint works
 * with any key; credits and activity need a management key and answer 401/403 otherwise — then
 * they are simply not available, which is not a failure of the source.
 */
import { getJson } from '../http/get-json.ts';
import { SourceError } from '../source-status.ts';
import { parseActivity, parseCredits, parseKey, type OpenRouterActivity, type OpenRouterKey } from './openrouter-parse.ts';

export const OPENROUTER_DEFAULT_BASE_URL = 'https://openrouter.ai';

export interface OpenRouterClientOptions {
  readonly baseUrl: string;
  readonly key: string;
  readonly now: () => number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface OpenRouterSnapshot {
  readonly key: OpenRouterKey;
  readonly balanceFemto: bigint | null;
  /** Daily spend by model for the last 30 completed UTC days; null without a management key. */
  readonly activity: OpenRouterActivity[] | null;
}

export class OpenRouterClient {
  constructor(private readonly options: OpenRouterClientOptions) {}

  private get(path: string): Promise<unknown> {
    return getJson(`${this.options.baseUrl.replace(/\/$/, '')}/api/v1/${path}`, {
      headers: { authorization: `Bearer ${this.options.key}`, accept: 'application/json' },
      timeoutMs: this.options.timeoutMs ?? 30_000,
      provider: 'OpenRouter',
      secrets: [this.options.key],
      now: this.options.now,
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    }).then((r) => r.body);
  }

  /** A management-only endpoint: undefined when this key may not read it. */
  private async optional<T>(path: string, parse: (body: unknown) => T): Promise<T | null> {
    try {
      return parse(await this.get(path));
    } catch (error) {
      if (
        error instanceof SourceError &&
        (error.failure.status === 401 || error.failure.status === 403 || error.failure.status === 404)
      )
        return null;
      throw error;
    }
  }

  async snapshot(): Promise<OpenRouterSnapshot> {
    const key = parseKey(await this.get('key'));
    const credits = await this.optional('credits', parseCredits);
    const activity = await this.optional('activity', parseActivity);
    return { key, balanceFemto: credits ? credits.totalCreditsFemto - credits.totalUsageFemto : null, activity };
  }
}
