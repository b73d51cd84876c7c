/** OpenAI organization usage (completions) and costs, every page, validated. */
import type { BilledCost, StoredUsage } from '../billed-cost.ts';
import { joinUrl } from '../http/base-url.ts';
import { getJson } from '../http/get-json.ts';
import { ShapeError } from '../http/json-shape.ts';
import { collectPages, type Page } from '../http/paginate.ts';
import { SourceError } from '../source-status.ts';
import type { ProviderClientOptions } from '../anthropic/anthropic-client.ts';
import { parseCompletionsBuckets, parseCostBuckets } from './openai-parse.ts';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com';
const LIMITS = { '1d': 31, '1h': 168 } as const;

export class OpenAiClient {
  constructor(private readonly options: ProviderClientOptions) {}

  private async pages(path: string, params: Array<[string, string]>): Promise<Page[]> {
    const headers = { authorization: `Bearer ${this.options.key}`, 'user-agent': this.options.userAgent ?? 'Spendbar/0.1' };
    return collectPages('OpenAI', (page) =>
      getJson(joinUrl(this.options.baseUrl, path, page ? [...params, ['page', page]] : params), {
        headers,
        provider: 'OpenAI',
        timeoutMs: this.options.timeoutMs ?? 30_000,
        now: this.options.now,
        ...(this.options.signal ? { signal: this.options.signal } : {}),
      }),
    );
  }

  private parse<T>(pages: Page[], parse: (data: unknown[]) => T[]): T[] {
    return pages.flatMap((page) => {
      try {
        return parse(page.data);
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
        const id = page.requestId ? ` (request ${page.requestId})` : '';
        throw new SourceError({
          kind: 'bad-response',
          ...(page.requestId ? { requestId: page.requestId } : {}),
          message: `OpenAI sent an unexpected report: ${error.message}${id}; kept the last good data`,
        });
      }
    });
  }

  async usage(from: number, to: number, width: '1h' | '1d'): Promise<StoredUsage[]> {
    const params: Array<[string, string]> = [
      ['start_time', String(Math.floor(from / 1000))],
      ['end_time', String(Math.floor(to / 1000))],
      ['bucket_width', width],
      ['limit', String(LIMITS[width])],
      ['group_by', 'model'],
      ['group_by', 'batch'],
      ['group_by', 'project_id'],
      ['group_by', 'service_tier'],
    ];
    return this.parse(await this.pages('/v1/organization/usage/completions', params), (data) =>
      parseCompletionsBuckets(data, width),
    );
  }

  async costs(from: number, to: number): Promise<BilledCost[]> {
    const params: Array<[string, string]> = [
      ['start_time', String(Math.floor(from / 1000))],
      ['end_time', String(Math.floor(to / 1000))],
      ['bucket_width', '1d'],
      ['limit', '180'],
      ['group_by', 'line_item'],
      ['group_by', 'project_id'],
    ];
    return this.parse(await this.pages('/v1/organization/costs', params), parseCostBuckets);
  }
}
