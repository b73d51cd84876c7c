/**
 * "By key": this period's counted spend per API key, from the same cells as "By model", so the two
 * always add up to the same total. Spend with no key (Workbench) and spend of sources that do not
 * report keys are rows of their own, never dropped: an unknown is never shown as $0.
 */
import { CellSums } from './cell-sums.ts';
import { femtoToMicroUsd } from './money.ts';
import type { SpendCell } from './spend-series.ts';
import type { KeyName, KeySpend, SourceKey } from './view-types.ts';

export const NO_KEY_LABEL = 'No key (Workbench/console)';

/** Empty unless some source reports keys (then every counted dollar is in one row). */
export function byKey(
  counted: readonly SpendCell[] | CellSums,
  keyNames: readonly KeyName[],
  labelOf: (source: SourceKey) => string,
  newKeys: readonly string[] = [],
): KeySpend[] {
  // Per source, per key as the cells name it (an id, null: no key, undefined: not reported), in
  // the order first seen (cell-sums.ts). A source's key split is billed truth only where its bill
  // names keys (OpenAI costs by api_key_id).
  const sums = CellSums.from(counted);
  if (!sums.anyKey) return [];
  const keyBilledSources = sums.keyBilledSources;
  const ordered = sums.keys.map((k) => ({
    source: k.source,
    kind: (k.apiKey === undefined ? 'not-reported' : k.apiKey === null ? 'no-key' : 'key') as KeySpend['kind'],
    keyId: k.apiKey ?? null,
    femto: k.femto,
  }));
  const names = new Map(keyNames.map((k) => [`${k.source}|${k.id}`, k]));
  const flagged = new Set(newKeys);
  const listedSources = new Set(keyNames.map((k) => k.source));
  return (
    ordered
      .map((e): KeySpend => {
        const known = e.keyId === null ? undefined : names.get(`${e.source}|${e.keyId}`);
        const label =
          e.kind === 'no-key'
            ? NO_KEY_LABEL
            : e.kind === 'not-reported'
              ? `${labelOf(e.source)} (not by key)`
              : (known?.name ?? e.keyId!);
        return {
          source: e.source,
          kind: e.kind,
          keyId: e.keyId,
          label,
          hint: known?.hint ?? null,
          // A key the list does not hold was deleted (or the list could not be read): say so, show its id.
          status:
            e.kind !== 'key'
              ? null
              : known
                ? known.status === 'active'
                  ? null
                  : known.status
                : listedSources.has(e.source)
                  ? 'not listed'
                  : null,
          usd: femtoToMicroUsd(e.femto),
          estimate: e.kind !== 'not-reported' && !keyBilledSources.has(e.source),
          newlySpending: e.keyId !== null && flagged.has(`${e.source}|${e.keyId}`),
        };
      })
      // A leaked key is often small beside the big ones: the keys the new-key rule flags come first.
      .sort((a, b) => Number(b.newlySpending) - Number(a.newlySpending) || b.usd - a.usd)
  );
}
