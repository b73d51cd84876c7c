/**
 * Names for the API key ids that usage reports carry, from the admin APIs' key lists:
 * - Anthropic `GET /v1/organizations/api_keys` (limit 1–1000, cursor after_id, has_more/last_id;
 *   each key: id, name, partial_key_hint, status active|archived|expired|inactive, workspace_id)
 *   — platform.claude.com/docs/en/api/admin/api_keys/list.
 * - OpenAI `GET /v1/organization/projects/{project_id}/api_keys` (limit 1–100, cursor after,
 *   has_more/last_id; each key: id, name, redacted_value, owner) — openai/openai-node
 *   src/resources/admin/organization/projects/api-keys.ts.
 * Only the name, the id and the tail of the provider's own redacted hint are kept (never a value):
 * the list is read with the admin key, and a 403 or 404 means "no names", shown as ids.
 */
import type { KeyName } from '../engine/view-types.ts';
import { asArray, asBoolean, asObject, asOptionalString, ShapeError } from './http/json-shape.ts';
import type { Ledger } from './ledger/ledger.ts';

/** A key list of many pages still ends: a cursor must move, and no list is longer than this. */
const MAX_PAGES = 100;
/** Names change rarely: the list is read again after this, or at once when usage shows an unknown key. */
export const KEY_NAMES_MAX_AGE_MS = 6 * 3_600_000;

export interface KeyPage {
  readonly keys: KeyName[];
  /** The cursor for the next page, or undefined at the end. */
  readonly next: string | undefined;
}

/**
 * "…igAA" from "sk-ant-api03-R2D...igAA" or "sk-abc...xyz": only what follows the provider's own
 * ellipsis, and only when there is one (a value without it could be a whole key, and is dropped).
 */
export function hintTail(hint: string | null): string | null {
  if (hint === null) return null;
  const match = /(?:\.\.\.|…|\*{3,})([A-Za-z0-9_-]{1,6})$/.exec(hint);
  return match ? `…${match[1]}` : null;
}

function page(body: unknown, source: string, item: (key: Record<string, unknown>, path: string) => KeyName): KeyPage {
  const doc = asObject(body, 'response');
  const keys = asArray(doc.data, 'data').map((raw, i) => item(asObject(raw, `data[${i}]`), `data[${i}]`));
  const more = doc.has_more === undefined ? false : asBoolean(doc.has_more, 'has_more');
  const last = asOptionalString(doc.last_id, 'last_id') ?? keys.at(-1)?.id;
  if (more && !last) throw new ShapeError(`${source} key list: has_more without last_id`);
  return { keys, next: more ? last : undefined };
}

function idOf(key: Record<string, unknown>, path: string): string {
  const id = asOptionalString(key.id, `${path}.id`);
  if (!id) throw new ShapeError(`${path}.id is missing`);
  return id;
}

export function parseAnthropicKeyPage(body: unknown): KeyPage {
  return page(body, 'Anthropic', (key, path) => ({
    source: 'anthropic',
    id: idOf(key, path),
    name: asOptionalString(key.name, `${path}.name`) ?? idOf(key, path),
    hint: hintTail(asOptionalString(key.partial_key_hint, `${path}.partial_key_hint`)),
    status: asOptionalString(key.status, `${path}.status`),
  }));
}

export function parseOpenAiKeyPage(body: unknown): KeyPage {
  return page(body, 'OpenAI', (key, path) => ({
    source: 'openai',
    id: idOf(key, path),
    name: asOptionalString(key.name, `${path}.name`) ?? idOf(key, path),
    hint: hintTail(asOptionalString(key.redacted_value, `${path}.redacted_value`)),
    // The project key list holds enabled keys only: a key that is listed is active.
    status: 'active',
  }));
}

/** Every page of a key list, following its cursor until it ends or stops moving. */
export async function allPages(fetchPage: (cursor: string | undefined) => Promise<KeyPage>): Promise<KeyName[]> {
  const keys: KeyName[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const { keys: found, next } = await fetchPage(cursor);
    keys.push(...found);
    if (next === undefined || seen.has(next)) break;
    seen.add(next);
    cursor = next;
  }
  return keys;
}

interface Stored {
  readonly fetchedAt: number;
  readonly keys: KeyName[];
  /** Ids the usage named that the list did not hold then (deleted keys): not a reason to read it again. */
  readonly missing?: string[];
}

const stateName = (source: string) => `key-names:${source}`;

/** The last key list read for a source (kept with the ledger, so names survive a restart offline). */
export function storedKeyNames(ledger: Ledger, source: string): Stored | undefined {
  const blob = ledger.loadState(stateName(source));
  if (!blob) return undefined;
  try {
    const doc = JSON.parse(new TextDecoder().decode(blob)) as Stored;
    return Array.isArray(doc.keys) && typeof doc.fetchedAt === 'number' ? doc : undefined;
  } catch {
    return undefined;
  }
}

export function saveKeyNames(
  ledger: Ledger,
  source: string,
  keys: readonly KeyName[],
  usedKeys: ReadonlySet<string>,
  now: number,
): void {
  const listed = new Set(keys.map((k) => k.id));
  const doc: Stored = {
    fetchedAt: now,
    keys: keys.map(({ source: s, id, name, hint, status }) => ({ source: s, id, name, hint, status })),
    missing: [...usedKeys].filter((id) => !listed.has(id)),
  };
  ledger.saveState(stateName(source), new TextEncoder().encode(JSON.stringify(doc)));
}

/** Whether to read the list again: none stored, old, or usage names a key the list lacks. */
export function keyNamesDue(stored: Stored | undefined, usedKeys: ReadonlySet<string>, now: number): boolean {
  if (!stored || now - stored.fetchedAt >= KEY_NAMES_MAX_AGE_MS || now < stored.fetchedAt) return true;
  const known = new Set([...stored.keys.map((k) => k.id), ...(stored.missing ?? [])]);
  return [...usedKeys].some((id) => !known.has(id));
}
