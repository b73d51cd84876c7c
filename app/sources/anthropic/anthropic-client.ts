/** The Anthropic Admin usage and cost reports, every page, validated. */
import type { BilledCost, StoredUsage } from '../billed-cost.ts';
import type { PageProgress } from '../provider-sync.ts';
import { fetchReportWithOrganization, reportRequest, type ReportRequest } from '../http/report-pages.ts';
import { AdminClient, unlessAbsent } from '../http/admin-client.ts';
import type { ProviderLimit } from '../../engine/view-types.ts';
import { parseAnthropicSpendLimits } from '../provider-limits.ts';
import { anthropicPageEnd, parseCostBuckets, parseUsageBuckets } from './anthropic-parse.ts';
import { allPages, parseAnthropicKeyPage } from '../api-key-names.ts';
import type { KeyName } from '../../engine/view-types.ts';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

// api_key_id: the usage report groups by key (anthropic-admin-api.md); the cost report cannot.
const USAGE_GROUPS = ['model', 'service_tier', 'context_window', 'inference_geo', 'workspace_id', 'api_key_id'];
const LIMITS = { '1d': 31, '1h': 168 } as const;

export class AnthropicClient extends AdminClient {
  protected request(path: string, params: Array<[string, string]>): ReportRequest {
    const headers = {
      'x-api-key': this.options.key,
      'anthropic-version': '2023-06-01',
      'user-agent': this.options.userAgent ?? 'Spendbar/0.1 (https://github.com/spendbar/spendbar)',
    };
    return reportRequest('Anthropic', this.options, this.session, headers, path, params);
  }

  protected pageEnd(data: unknown[]): number | undefined {
    return anthropicPageEnd(data);
  }

  async usage(from: number, to: number, width: '1h' | '1d', progress?: PageProgress<StoredUsage>): Promise<StoredUsage[]> {
    const params: Array<[string, string]> = [
      ['starting_at', new Date(from).toISOString()],
      ['ending_at', new Date(to).toISOString()],
      ['bucket_width', width],
      ['limit', String(LIMITS[width])],
      ...USAGE_GROUPS.map((g): [string, string] => ['group_by[]', g]),
    ];
    return this.report('/v1/organizations/usage_report/messages', params, (data) => parseUsageBuckets(data, width), progress);
  }

  /** "Test key": one hour of usage, and the organization the key belongs to. */
  async organization(now: number): Promise<{ rows: number; organization: string | undefined }> {
    const params: Array<[string, string]> = [
      ['starting_at', new Date(now - 3_600_000).toISOString()],
      ['bucket_width', '1h'],
      ['limit', '1'],
    ];
    const result = await fetchReportWithOrganization(
      this.request('/v1/organizations/usage_report/messages', params),
      (data) => data,
    );
    return { rows: result.rows.length, organization: result.organization };
  }

  async costs(from: number, to: number, progress?: PageProgress<BilledCost>): Promise<BilledCost[]> {
    const params: Array<[string, string]> = [
      ['starting_at', new Date(from).toISOString()],
      ['ending_at', new Date(to).toISOString()],
      ['bucket_width', '1d'],
      ['limit', '31'],
      ['group_by[]', 'description'],
      ['group_by[]', 'workspace_id'],
    ];
    return this.report('/v1/organizations/cost_report', params, parseCostBuckets, progress);
  }

  /** The organization's API keys by name (every page, every status); none where the key may not list them. */
  apiKeys(pageSize = 1000): Promise<KeyName[]> {
    const list = () =>
      allPages(async (after) => {
        const params: Array<[string, string]> = [
          ['limit', String(pageSize)],
          ...(after ? [['after_id', after] as [string, string]] : []),
        ];
        return parseAnthropicKeyPage(await this.get('/v1/organizations/api_keys', params));
      });
    return unlessAbsent(list, []);
  }

  /**
   * The organization's spend limits (Spend Limits API; listing is early access behind the beta header
   * spend-limit-reads-2026-09-26). A key that may not read them gets an empty list.
   */
  spendLimits(): Promise<ProviderLimit[]> {
    const read = async () =>
      parseAnthropicSpendLimits(
        await this.get('/v1/organizations/spend_limits', [], { 'anthropic-beta': 'spend-limit-reads-2026-09-26' }),
      );
    return unlessAbsent(read, []);
  }
}
