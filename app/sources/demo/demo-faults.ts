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
  | 'endless-pagination'; // has_more forever with the same next_page

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
];

export type DemoProvider = 'anthropic' | 'openai';

export interface Fault {
  readonly kind: FaultKind;
  readonly provider?: DemoProvider;
  /** How many requests it affects; Infinity until cleared. */
  times?: number;
  readonly retryAfterSeconds?: number;
  readonly delayMs?: number;
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
