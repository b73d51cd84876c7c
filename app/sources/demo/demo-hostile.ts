/**
 * The hostile answers of the demo server: what a misconfigured proxy, a broken gateway or a buggy
 * provider could send. The client must survive each without leaking the key or storing wrong data.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoProvider } from './demo-faults.ts';
import { sendError } from './demo-http.ts';

const DAY_MS = 86_400_000;

/** The key exactly as the client sent it, whatever its shape. */
export function presentedKey(req: IncomingMessage, provider: DemoProvider): string {
  const header = provider === 'anthropic' ? req.headers['x-api-key'] : req.headers.authorization?.replace(/^Bearer\s+/i, '');
  return typeof header === 'string' ? header : '';
}

/** A gateway that quotes the request back: the key in the error message and in the request-id header. */
export function echoKey(req: IncomingMessage, res: ServerResponse, provider: DemoProvider): void {
  const key = presentedKey(req, provider);
  sendError(res, provider, 500, `upstream rejected credentials ${key}`, {
    [provider === 'anthropic' ? 'request-id' : 'x-request-id']: key,
  });
}

/**
 * 1 GB of JSON-looking text, chunked (no content-length, so the size is known only by reading),
 * written as fast as the client reads and stopped when it hangs up.
 */
export function hugeBody(res: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, '[0,0,0,0,0,0,0,0],');
  let left = 1024 ** 3;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"data":[');
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      left -= chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end('[]],"has_more":false,"next_page":null}');
  };
  res.on('close', () => (left = 0));
  pump();
}

/**
 * Moves a first-page request's range three days earlier and drops its end, so the page holds
 * buckets before starting_at (and, paged on, after ending_at): what a server that ignores the range sends.
 */
export function widenRange(params: URLSearchParams, provider: DemoProvider): void {
  if (params.get('page') !== null) return;
  if (provider === 'anthropic') {
    const start = Date.parse(params.get('starting_at') ?? '');
    if (!Number.isNaN(start)) params.set('starting_at', new Date(start - 3 * DAY_MS).toISOString().replace('.000Z', 'Z'));
    params.delete('ending_at');
  } else {
    const start = Number(params.get('start_time'));
    if (Number.isFinite(start)) params.set('start_time', String(start - (3 * DAY_MS) / 1000));
    params.delete('end_time');
  }
}
