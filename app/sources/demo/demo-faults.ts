/** Faults the demo server injects on demand, so every failure path is tested over real HTTP. */

export type FaultKind =
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'rate-limit' // 429 with retry-after
  | 'server-error' // 500
  | 'overloaded' // 529
  | 'slow' // answers correctly after delayMs
  | 'timeout' // never answers
  | 'malformed' // 200 with a body that is not JSON
  | 'truncated' // 200 with JSON cut in the middle
  | 'wrong-shape' // 200 with valid JSON of the wrong shape
  | 'endless-pagination' // has_more forever with the same next_page
  // Hostile or broken servers (issue 9), each answered by a guard in app/sources/http:
  | 'redirect' // 307 to `location`: a key must never follow it
  | 'echo-key' // 500 whose message and request-id header repeat the key the client sent
  | 'huge-body' // 200 streaming 1 GB of JSON without a content-length
  | 'out-of-range'; // 200 with buckets from before starting_at and after ending_at

export const FAULT_KINDS: readonly FaultKind[] = [
  'unauthorized',
  'forbidden',
  'rate-limit',
  'server-error',
  'overloaded',
  'slow',
  'timeout',
  'malformed',
  'truncated',
  'wrong-shape',
  'endless-pagination',
  'redirect',
  'echo-key',
  'huge-body',
  'out-of-range',
];

export type DemoProvider = 'anthropic' | 'openai';

export interface Fault {
  readonly kind: FaultKind;
  readonly provider?: DemoProvider;
  /** How many requests it affects; Infinity until cleared. */
  times?: number;
  /** Sent as the retry-after header: seconds, or any text (an HTTP-date, a hostile value). */
  readonly retryAfterSeconds?: number | string;
  readonly delayMs?: number;
  /** Where a redirect fault points. */
  readonly location?: string;
}

export class FaultQueue {
  private faults: Fault[] = [];

  inject(fault: Fault): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault for this request, if any, counting it down. */
  take(provider: DemoProvider): Fault | undefined {
    const index = this.faults.findIndex((f) => !f.provider || f.provider === provider);
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }
}
