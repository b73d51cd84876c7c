/** Small HTTP helpers for the demo server: JSON bodies, provider-shaped errors, query arrays. */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { DemoProvider } from './demo-faults.ts';

/** The simulated organization's ids, as the providers send them in response headers. */
export const DEMO_ORGANIZATION_ID = 'org_01DemoSpendbarOrganization';
export const DEMO_OPENAI_ORGANIZATION = 'org-DemoSpendbar';

export function requestId(provider: DemoProvider): string {
  return `${provider === 'anthropic' ? 'req_011' : 'req_'}${randomBytes(12).toString('hex')}`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/** An error body in the provider's own format, with its request-id header. */
export function sendError(
  res: ServerResponse,
  provider: DemoProvider,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const id = requestId(provider);
  if (provider === 'anthropic') {
    sendJson(
      res,
      status,
      { type: 'error', error: { type: ANTHROPIC_ERROR_TYPES[status] ?? 'api_error', message }, request_id: id },
      { 'request-id': id, ...headers },
    );
  } else {
    const code = status === 401 ? 'invalid_api_key' : status === 429 ? 'rate_limit_exceeded' : null;
    sendJson(
      res,
      status,
      { error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error', param: null, code } },
      { 'x-request-id': id, ...headers },
    );
  }
}

/** `group_by[]=a&group_by[]=b`, `group_by=a&group_by=b` and `group_by=a,b` all mean [a, b]. */
export function queryArray(params: URLSearchParams, name: string): string[] {
  return [...params.getAll(`${name}[]`), ...params.getAll(name)].flatMap((v) => v.split(',')).filter((v) => v !== '');
}

export function encodePage(next: number): string {
  return `page_${Buffer.from(new Date(next).toISOString()).toString('base64url')}`;
}

export function decodePage(token: string): number | undefined {
  if (!token.startsWith('page_')) return undefined;
  const time = Date.parse(Buffer.from(token.slice(5), 'base64url').toString('utf8'));
  return Number.isNaN(time) ? undefined : time;
}

/** Cents as Anthropic writes them: a decimal string ("123.78912" is $1.2378912). */
export function femtoToCentsString(femto: bigint): string {
  const scale = 10n ** 13n;
  const whole = femto / scale;
  const fraction = (femto % scale).toString().padStart(13, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
