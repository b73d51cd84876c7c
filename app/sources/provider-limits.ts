/**
 * The providers' own spend limits: beyond them requests fail (OpenAI: HTTP 429
 * `organization_spend_limit_exceeded`; Anthropic: 400/429). Read where the key may; a 403 or 404
 * (the endpoint is early access, or the key may not read it) is quietly "no limit known".
 * Sources: sources-2026-11.md "Provider spend limits"; developers.openai.com/api/reference/resources/
 * admin/subresources/organization/subresources/spend_limit; platform.claude.com/docs/en/api/
 * organization/spend_limits.
 */
import { centsToFemto, femtoToMicroUsd } from '../engine/money.ts';
import type { ProviderLimit } from '../engine/view-types.ts';
import { asArray, asObject, asOptionalString, ShapeError } from './http/json-shape.ts';

const usdOfCents = (cents: string, path: string): number => {
  const femto = centsToFemto(cents);
  if (femto === undefined || femto < 0n) throw new ShapeError(`${path} is not a whole number of cents`);
  return femtoToMicroUsd(femto);
};

/** OpenAI `organization.spend_limit`: threshold_amount in cents, monthly; enforcement.status "enforcing" | "inactive". */
export function parseOpenAiSpendLimit(body: unknown, scope: string): ProviderLimit | undefined {
  const doc = asObject(body, 'response');
  const cents = doc.threshold_amount;
  if (cents === null || cents === undefined) return undefined;
  if (typeof cents !== 'number' || !Number.isSafeInteger(cents) || cents < 0)
    throw new ShapeError('threshold_amount is not a whole number of cents');
  const currency = asOptionalString(doc.currency, 'currency');
  if (currency !== null && currency.toUpperCase() !== 'USD') return undefined;
  const enforcement = doc.enforcement === undefined || doc.enforcement === null ? {} : asObject(doc.enforcement, 'enforcement');
  return {
    source: 'openai',
    scope,
    usd: usdOfCents(String(cents), 'threshold_amount'),
    enforcing: enforcement.status === 'enforcing',
  };
}

/**
 * Anthropic `spend_limit` objects: amount in cents as a decimal string (null: no numeric cap), period,
 * scope.type organization | workspace | usage_tier | …; only monthly USD caps compare with a month's spend.
 */
export function parseAnthropicSpendLimits(body: unknown): ProviderLimit[] {
  const doc = asObject(body, 'response');
  const limits: ProviderLimit[] = [];
  asArray(doc.data, 'data').forEach((raw, i) => {
    const limit = asObject(raw, `data[${i}]`);
    const amount = asOptionalString(limit.amount, `data[${i}].amount`);
    if (amount === null || limit.period !== 'monthly') return;
    if ((asOptionalString(limit.currency, `data[${i}].currency`) ?? 'USD').toUpperCase() !== 'USD') return;
    const scope = asObject(limit.scope, `data[${i}].scope`);
    const type = asOptionalString(scope.type, `data[${i}].scope.type`) ?? 'unknown';
    const name =
      type === 'workspace' ? `workspace ${asOptionalString(scope.workspace_id, `data[${i}].scope.workspace_id`) ?? ''}` : type;
    limits.push({
      source: 'anthropic',
      scope: name.trim(),
      usd: usdOfCents(amount, `data[${i}].amount`),
      enforcing: limit.is_enabled !== false,
    });
  });
  return limits;
}
