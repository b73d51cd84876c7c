/** OpenAI's organization usage and costs endpoints, billed truth (../shared/reference/openai-admin-api-and-price-catalogs.md). */
import { adminInstance } from '../admin-source.ts';
import { DEMO_OPENAI_KEY } from '../demo/demo-server.ts';
import type { SourceDefinition } from '../source-definition.ts';
import { OPENAI_DEFAULT_BASE_URL, OpenAiClient } from './openai-client.ts';

export const openAiSource: SourceDefinition = {
  id: 'openai',
  label: 'OpenAI',
  truth: 'billed',
  credential: {
    kind: 'admin-key',
    account: 'openai-admin-key',
    envVar: 'SPENDBAR_OPENAI_ADMIN_KEY',
    prefix: 'sk-admin-',
    keyName: 'Admin key',
    whereToCreate: 'Create one under Organization settings → Admin keys.',
  },
  pollMinutes: { default: 5, min: 1 },
  pollCost: 'free; a few usage and cost requests per poll, within the organization rate limit',
  inDemo: true,
  demoKey: DEMO_OPENAI_KEY,
  create: (setup) => ({
    instance: adminInstance(
      {
        id: 'openai',
        baseUrlEnv: 'SPENDBAR_OPENAI_BASE_URL',
        defaultBaseUrl: OPENAI_DEFAULT_BASE_URL,
        client: (o) => new OpenAiClient(o),
        // Each project seen in the usage has its own limit: read the ones the history names.
        spendLimits: (client, ledger) => client.spendLimits(ledger.workspaces('openai')),
        // Keys are listed per project: the projects the usage names.
        keyNames: (client, ledger) => client.apiKeys(ledger.workspaces('openai')),
      },
      setup,
    ),
  }),
};
