/** The ledger file's shape and its validation: a row that fails is a corrupt file, not a crash. */
import type { BilledCost, StoredUsage } from '../billed-cost.ts';

export const LEDGER_VERSION = 1;
export const LEDGER_FILE = 'ledger.json';

export interface SyncMark {
  /** Written by ledgers before resumable sync: usage and cost before this UTC day are final. */
  readonly closedBefore?: string;
  /** Closed UTC days (YYYY-MM-DD) whose hourly usage is stored in full; never fetched again. */
  readonly usageDays?: readonly string[];
  /** Closed UTC days whose bill is stored in full. */
  readonly costDays?: readonly string[];
  /** When the open days' (yesterday and today) usage was last fetched in full, ISO-8601. */
  readonly usageFetchedAt?: string;
  /** When the open days' bill was last fetched in full, ISO-8601. */
  readonly costFetchedAt?: string;
}

export interface LedgerDocument {
  readonly schemaVersion: number;
  readonly usage: StoredUsage[];
  readonly costs: BilledCost[];
  readonly sync: Record<string, SyncMark>;
}

export function emptyLedger(): LedgerDocument {
  return { schemaVersion: LEDGER_VERSION, usage: [], costs: [], sync: {} };
}

const SOURCES = new Set(['anthropic', 'openai', 'claude-code']);
const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const optionalText = (v: unknown) => v === undefined || v === null || typeof v === 'string';

function isUsage(v: unknown): v is StoredUsage {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.start === 'string' &&
    !Number.isNaN(Date.parse(r.start)) &&
    (r.width === '1h' || r.width === '1d') &&
    SOURCES.has(r.source as string) &&
    typeof r.model === 'string' &&
    [r.serviceTier, r.contextWindow, r.inferenceGeo, r.speed, r.workspace].every(optionalText) &&
    [r.inputTokens, r.outputTokens, r.cacheWrite5mTokens, r.cacheWrite1hTokens, r.cacheReadTokens, r.webSearchRequests].every(
      count,
    )
  );
}

function isCost(v: unknown): v is BilledCost {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    SOURCES.has(r.source as string) &&
    typeof r.day === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(r.day) &&
    [r.model, r.description, r.workspace].every(optionalText) &&
    typeof r.line === 'string' &&
    typeof r.femto === 'string' &&
    /^-?\d+$/.test(r.femto)
  );
}

/** The document, or what is wrong with it. */
export function parseLedger(text: string): LedgerDocument | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  if (typeof raw !== 'object' || raw === null) return 'it holds no ledger object';
  const doc = raw as Record<string, unknown>;
  if (doc.schemaVersion !== LEDGER_VERSION)
    return `its schema version is ${String(doc.schemaVersion)}, expected ${LEDGER_VERSION}`;
  if (!Array.isArray(doc.usage) || !doc.usage.every(isUsage)) return 'a usage row is malformed';
  if (!Array.isArray(doc.costs) || !doc.costs.every(isCost)) return 'a cost row is malformed';
  if (typeof doc.sync !== 'object' || doc.sync === null) return 'its sync marks are malformed';
  return { schemaVersion: LEDGER_VERSION, usage: doc.usage, costs: doc.costs, sync: doc.sync as Record<string, SyncMark> };
}
