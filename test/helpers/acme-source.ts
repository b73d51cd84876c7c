/**
 * A source declared only in the tests: a billed provider that bills $12.50 a day. Nothing in app/
 * names it, so a test that adds it to the registry shows a source needs its folder and one registry
 * line, nothing else (issue 14).
 */
import type { BilledCost } from '../../app/sources/billed-cost.ts';
import type { SourceDefinition } from '../../app/sources/source-definition.ts';

export const acmeSource: SourceDefinition = {
  id: 'acme-llm',
  label: 'Acme LLM',
  truth: 'billed',
  credential: {
    kind: 'key',
    account: 'acme-key',
    envVar: 'SPENDBAR_ACME_KEY',
    prefix: 'acme-',
    keyName: 'API key',
    whereToCreate: 'Ask Acme.',
  },
  pollMinutes: { default: 15, min: 5 },
  pollCost: 'free',
  inDemo: false,
  create: () => ({
    instance: {
      refresh: async ({ ledger, key }) => {
        if (key !== 'acme-secret') throw new Error('wrong key');
        const rows: BilledCost[] = ['2026-11-24', '2026-11-25'].map((day) => ({
          source: 'acme-llm',
          day,
          model: 'acme-1',
          description: null,
          workspace: null,
          line: 'acme-1',
          femto: 12_500_000_000_000_000n.toString(),
        }));
        ledger.commit({ source: 'acme-llm', costs: [{ fromDay: '2026-11-24', toDay: '2026-11-26', rows }] });
      },
    },
  }),
};
