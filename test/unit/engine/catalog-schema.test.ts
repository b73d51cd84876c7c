/** The shipped catalog is data: it validates against catalog.schema.json, with a source per version. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCatalog, versionOrderProblems, type ExportedCatalog } from '../../../app/engine/catalog/catalog-export.ts';
import { SHIPPED_MODELS } from '../../../app/engine/catalog/catalog.ts';
import { checkSchema, type JsonSchema } from '../../../app/engine/catalog/schema-check.ts';

const schema = JSON.parse(
  readFileSync(new URL('../../../app/engine/catalog/catalog.schema.json', import.meta.url), 'utf8'),
) as JsonSchema;
// Through JSON and back, as a maintainer's tool or another program would read it.
const exported = JSON.parse(JSON.stringify(exportCatalog(SHIPPED_MODELS))) as ExportedCatalog;

describe('the shipped catalog against catalog.schema.json', () => {
  it('every model and price version conforms', () => {
    expect(checkSchema(exported, schema)).toEqual([]);
  });

  it('no two versions of a model share an effective date, and versions are in date order', () => {
    expect(versionOrderProblems(exported.models)).toEqual([]);
  });

  it('every Claude price version names the page (URL) and the date of the copy read', () => {
    const missing = exported.models
      .filter((m) => m.provider === 'anthropic')
      .flatMap((m) => m.versions.filter((v) => !v.sourceUrl || !v.copyDate).map((v) => `${m.id}@${v.effectiveFrom}`));
    expect(missing).toEqual([]);
  });

  it('no model id or alias is claimed twice', () => {
    const names = exported.models.flatMap((m) => [m.id, ...m.aliases]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

describe('the checks catch a broken catalog', () => {
  const first = exported.models[0]!;
  const version = first.versions[0]!;
  const broken = (model: unknown): unknown => ({ ...exported, models: [model] });

  it('a version without a source, or a price that is not a decimal string', () => {
    const { source: _dropped, ...withoutSource } = version;
    expect(checkSchema(broken({ ...first, versions: [withoutSource] }), schema)).toEqual([
      '$.models[0].versions[0]: missing required "source"',
    ]);
    const floatPrice = { ...version, rates: { ...version.rates, input: 5 } };
    expect(checkSchema(broken({ ...first, versions: [floatPrice] }), schema)).toEqual([
      '$.models[0].versions[0].rates.input: expected string, got integer',
    ]);
  });

  it('a rate kind the schema does not describe, so a new tier must be documented there first', () => {
    const withNewTier = { ...version, ultra: { input: '1', output: '2' } };
    expect(checkSchema(broken({ ...first, versions: [withNewTier] }), schema)).toEqual([
      '$.models[0].versions[0].ultra: not described by the schema',
    ]);
  });

  it('two versions on one day', () => {
    expect(versionOrderProblems([{ ...first, versions: [version, { ...version }] }])).toEqual([
      `${first.id}: two versions take effect on ${version.effectiveFrom}`,
    ]);
  });
});
