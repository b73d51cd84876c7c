/** The Anthropic Admin API: usage and cost reports, billed truth (../shared/reference/anthropic-admin-api.md). */
import { adminInstance } from '../admin-source.ts';
import { DEMO_ANTHROPIC_KEY } from '../demo/demo-server.ts';
import type { SourceDefinition } from '../source-definition.ts';
import { ANTHROPIC_DEFAULT_BASE_URL, AnthropicClient } from './anthropic-client.ts';

export const anthropicSource: SourceDefinition = {
  id: 'anthropic',
  label: 'Anthropic',
  truth: 'billed',
  credential: {
    kind: 'admin-key',
    account: 'anthropic-admin-key',
    envVar: 'SPENDBAR_ANTHROPIC_ADMIN_KEY',
    prefix: 'sk-ant-admin',
    keyName: 'Admin key',
    whereToCreate: 'Create one in the Console under Settings → Admin keys.',
  },
  pollMinutes: { default: 5, min: 1 },
  pollCost: 'free; a few report requests per poll, within the Admin API rate limit',
  inDemo: true,
  demoKey: DEMO_ANTHROPIC_KEY,
  create: (setup) => ({
    instance: adminInstance(
      {
        id: 'anthropic',
        baseUrlEnv: 'SPENDBAR_ANTHROPIC_BASE_URL',
        defaultBaseUrl: ANTHROPIC_DEFAULT_BASE_URL,
        client: (o) => new AnthropicClient(o),
        spendLimits: (client) => client.spendLimits(),
        keyNames: (client) => client.apiKeys(),
      },
      setup,
    ),
  }),
};
