/**
 * OpenRouter's key, credits and activity responses → exact amounts. Shapes from OpenRouter's API
 * reference (stored copies, Nov 2026):
 * - GET /api/v1/key (any key): { data: { label, limit: number|null, limit_remaining: number|null,
 *   limit_reset: string|null, usage, usage_daily, usage_weekly, usage_monthly, byok_usage…,
 *   is_free_tier, is_management_key, expires_at?, rate_limit (deprecated) } }
 *   openrouter.ai/docs/api/api-reference/api-keys/get-current-key
 * - GET /api/v1/credits (management key): { data: { total_credits, total_usage } }
 *   openrouter.ai/docs/api/api-reference/credits/get-credits
 * - GET /api/v1/activity (management key): { data: [{ date, model, model_permaslug, endpoint_id,
 *   provider_name, usage, byok_usage_inference, requests, prompt_tokens, completion_tokens,
 *   reasoning_tokens }] } for the last 30 completed UTC days (today excluded)
 *   openrouter.ai/docs/api/api-reference/analytics/get-user-activity
 * Dollar amounts are JSON numbers. They become decimal strings through the number's shortest
 * round-trip form, which is the text the server wrote, so no float rounding reaches the ledger.
 */
import { usdToFemto } from '../../engine/money.ts';
import { asArray, asCount, asObject, asOptionalString, ShapeError } from '../http/json-shape.ts';

export interface OpenRouterKey {
  readonly label: string | null;
  /** The key's own spend limit in USD (null: none), what is left, and when it resets. */
  readonly limitFemto: bigint | null;
  readonly limitRemainingFemto: bigint | null;
  readonly limitReset: string | null;
  readonly dailyFemto: bigint;
  readonly weeklyFemto: bigint;
  /** This UTC month's spend on the key. */
  readonly monthlyFemto: bigint;
  readonly isManagementKey: boolean;
}

export interface OpenRouterActivity {
  readonly day: string;
  readonly model: string;
  readonly femto: bigint;
  readonly requests: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly reasoningTokens: number;
}

/** A JSON number (or decimal string) of dollars → femtodollars, exactly as written. */
export function dollarsFemto(value: unknown, path: string): bigint {
  let text: string | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    const shortest = String(value);
    // Exponent forms (1e-7, 1e21) are rare; toFixed(20) is exact for them within femtodollars.
    text = /e/i.test(shortest) ? value.toFixed(20) : shortest;
  } else if (typeof value === 'string') text = value;
  const femto = text === undefined ? undefined : usdToFemto(text);
  if (femto === undefined) throw new ShapeError(`${path} is not a dollar amount`);
  return femto;
}

const optionalDollars = (value: unknown, path: string) =>
  value === null || value === undefined ? null : dollarsFemto(value, path);
const dollarsOrZero = (value: unknown, path: string) => optionalDollars(value, path) ?? 0n;

export function parseKey(body: unknown): OpenRouterKey {
  const data = asObject(asObject(body, 'response').data, 'data');
  return {
    label: asOptionalString(data.label, 'data.label'),
    limitFemto: optionalDollars(data.limit, 'data.limit'),
    limitRemainingFemto: optionalDollars(data.limit_remaining, 'data.limit_remaining'),
    limitReset: asOptionalString(data.limit_reset, 'data.limit_reset'),
    dailyFemto: dollarsOrZero(data.usage_daily, 'data.usage_daily'),
    weeklyFemto: dollarsOrZero(data.usage_weekly, 'data.usage_weekly'),
    monthlyFemto: dollarsOrZero(data.usage_monthly, 'data.usage_monthly'),
    isManagementKey: data.is_management_key === true || data.is_provisioning_key === true,
  };
}

export function parseCredits(body: unknown): { totalCreditsFemto: bigint; totalUsageFemto: bigint } {
  const data = asObject(asObject(body, 'response').data, 'data');
  return {
    totalCreditsFemto: dollarsFemto(data.total_credits, 'data.total_credits'),
    totalUsageFemto: dollarsFemto(data.total_usage, 'data.total_usage'),
  };
}

export function parseActivity(body: unknown): OpenRouterActivity[] {
  return asArray(asObject(body, 'response').data, 'data').map((item, i) => {
    const path = `data[${i}]`;
    const row = asObject(item, path);
    const day = asOptionalString(row.date, `${path}.date`);
    if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) throw new ShapeError(`${path}.date is not a date`);
    const model =
      asOptionalString(row.model, `${path}.model`) ?? asOptionalString(row.model_permaslug, `${path}.model_permaslug`);
    if (!model) throw new ShapeError(`${path}.model is missing`);
    return {
      day: day.slice(0, 10),
      model,
      femto: dollarsOrZero(row.usage, `${path}.usage`),
      requests: asCount(row.requests, `${path}.requests`),
      promptTokens: asCount(row.prompt_tokens, `${path}.prompt_tokens`),
      completionTokens: asCount(row.completion_tokens, `${path}.completion_tokens`),
      reasoningTokens: asCount(row.reasoning_tokens, `${path}.reasoning_tokens`),
    };
  });
}
