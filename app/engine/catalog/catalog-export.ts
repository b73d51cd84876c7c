/**
 * The shipped catalog as plain JSON data (catalog.schema.json describes it): what
 * `npm run catalog:diff` compares and what a maintainer can read or diff without TypeScript.
 */
import type { ModelEntry, PriceVersion } from './catalog-types.ts';

export interface ExportedVersion extends PriceVersion {
  /** The first https URL named in `source`, or null. */
  readonly sourceUrl: string | null;
  /** The copy date named in `source` ("copy of YYYY-MM[-DD]"), or null. */
  readonly copyDate: string | null;
}

export interface ExportedModel {
  readonly id: string;
  readonly provider: ModelEntry['provider'];
  readonly displayName: string;
  readonly aliases: readonly string[];
  readonly status: NonNullable<ModelEntry['status']>;
  readonly versions: readonly ExportedVersion[];
}

export interface ExportedCatalog {
  readonly $schema: string;
  readonly models: readonly ExportedModel[];
}

export function sourceUrlOf(source: string): string | null {
  return /https:\/\/[^\s,;()]+/.exec(source)?.[0] ?? null;
}

export function copyDateOf(source: string): string | null {
  return /copy of (\d{4}-\d{2}(?:-\d{2})?)/.exec(source)?.[1] ?? null;
}

export function exportCatalog(models: readonly ModelEntry[]): ExportedCatalog {
  return {
    $schema: './catalog.schema.json',
    models: models.map((m) => ({
      id: m.id,
      provider: m.provider,
      displayName: m.displayName,
      aliases: [...m.aliases],
      status: m.status ?? 'active',
      // Every field of a version is exported as it is, so a new rate kind fails the schema check
      // until catalog.schema.json describes it.
      versions: m.versions.map((v) => ({ ...v, sourceUrl: sourceUrlOf(v.source), copyDate: copyDateOf(v.source) })),
    })),
  };
}

/** What the schema cannot say: versions of one model in date order, no two on the same day. */
export function versionOrderProblems(models: readonly ExportedModel[]): string[] {
  const problems: string[] = [];
  for (const m of models)
    m.versions.forEach((v, i) => {
      const previous = m.versions[i - 1];
      if (previous && previous.effectiveFrom === v.effectiveFrom)
        problems.push(`${m.id}: two versions take effect on ${v.effectiveFrom}`);
      else if (previous && previous.effectiveFrom > v.effectiveFrom)
        problems.push(`${m.id}: version ${v.effectiveFrom} is listed after ${previous.effectiveFrom}`);
    });
  return problems;
}
