/** OpenAI organization usage (completions) and costs, every page, validated. */
import type { BilledCost, StoredUsage } from '../billed-cost.ts';
import type { PageProgress } from '../provider-sync.ts';
import { fetchReportWithOrganization, reportRequest, type ReportRequest } from '../http/report-pages.ts';
import { AdminClient, unlessAbsent } from '../http/admin-client.ts';
import type { ProviderLimit } from '../../engine/view-types.ts';
import { parseOpenAiSpendLimit } from '../provider-limits.ts';
import { openAiPageEnd, parseCompletionsBuckets, parseCostBuckets } from './openai-parse.ts';
import { allPages, parseOpenAiKeyPage } from '../api-key-names.ts';
import type { KeyName } from '../../engine/view-types.ts';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com';
const LIMITS = { '1d': 31, '1h': 168 } as const;

export class OpenAiClient extends AdminClient {
  protected request(path: string, params: Array<[string, string]>): ReportRequest {
    const headers = { authorization: `Bearer ${this.options.key}`, 'user-agent': this.options.userAgent ?? 'Spendbar/0.1' };
    return reportRequest('OpenAI', this.options, this.session, headers, path, params);
  }

  protected pageEnd(data: unknown[]): number | undefined {
    return openAiPageEnd(data);
  }

  async usage(from: number, to: number, width: '1h' | '1d', progress?: PageProgress<StoredUsage>): Promise<StoredUsage[]> {
    const params: Array<[string, string]> = [
      ['start_time', String(Math.floor(from / 1000))],
      ['end_time', String(Math.floor(to / 1000))],
      ['bucket_width', width],
      ['limit', String(LIMITS[width])],
      ['group_by', 'model'],
      ['group_by', 'batch'],
      ['group_by', 'project_id'],
      ['group_by', 'service_tier'],
      ['group_by', 'api_key_id'],
    ];
    return this.report('/v1/organization/usage/completions', params, (data) => parseCompletionsBuckets(data, width), progress);
  }

  /** "Test key": one hour of usage, and the organization the key belongs to. */
  async organization(now: number): Promise<{ rows: number; organization: string | undefined }> {
    const params: Array<[string, string]> = [
      ['start_time', String(Math.floor((now - 3_600_000) / 1000))],
      ['bucket_width', '1h'],
      ['limit', '1'],
    ];
    const result = await fetchReportWithOrganization(this.request('/v1/organization/usage/completions', params), (data) => data);
    return { rows: result.rows.length, organization: result.organization };
  }

  async costs(from: number, to: number, progress?: PageProgress<BilledCost>): Promise<BilledCost[]> {
    const params: Array<[string, string]> = [
      ['start_time', String(Math.floor(from / 1000))],
      ['end_time', String(Math.floor(to / 1000))],
      ['bucket_width', '1d'],
      ['limit', '180'],
      ['group_by', 'line_item'],
      ['group_by', 'project_id'],
      // Costs group by key too (openai-admin-api-and-price-catalogs.md): per-key dollars are billed.
      ['group_by', 'api_key_id'],
    ];
    return this.report('/v1/organization/costs', params, parseCostBuckets, progress);
  }

  private limitAt(path: string, scope: string): Promise<ProviderLimit | undefined> {
    return unlessAbsent(async () => parseOpenAiSpendLimit(await this.get(path), scope), undefined);
  }

  /** The API keys of each project by name; a project whose keys this admin key may not list adds none. */
  async apiKeys(projects: readonly string[], pageSize = 100): Promise<KeyName[]> {
    const keys: KeyName[] = [];
    for (const id of projects) {
      const path = `/v1/organization/projects/${encodeURIComponent(id)}/api_keys`;
      const list = () =>
        allPages(async (after) => {
          const params: Array<[string, string]> = [
            ['limit', String(pageSize)],
            // Without it the list follows membership visibility and may leave out enabled keys,
            // such as those of someone who left the project: the very keys worth naming.
            ['owner_project_access', 'any'],
            ...(after ? [['after', after] as [string, string]] : []),
          ];
          return parseOpenAiKeyPage(await this.get(path, params));
        });
      keys.push(...(await unlessAbsent(list, [])));
    }
    return keys;
  }

  /** The organization's hard spend limit and each known project's (cents, monthly); none where the key may not read them. */
  async spendLimits(projects: readonly string[]): Promise<ProviderLimit[]> {
    const found = [await this.limitAt('/v1/organization/spend_limit', 'organization')];
    for (const id of projects)
      found.push(await this.limitAt(`/v1/organization/projects/${encodeURIComponent(id)}/spend_limit`, `project ${id}`));
    return found.filter((limit): limit is ProviderLimit => limit !== undefined);
  }
}
