/** The environment a `spendbar` command needs to read both demo admin APIs from a fresh home. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ANTHROPIC_KEY, DEMO_OPENAI_KEY, type DemoServer } from '../../app/sources/demo/demo-server.ts';

export function demoAdminEnv(server: DemoServer, home = mkdtempSync(join(tmpdir(), 'spendbar-cli-'))): Record<string, string> {
  return {
    HOME: home,
    SPENDBAR_HOME: home,
    SPENDBAR_ANTHROPIC_BASE_URL: server.url,
    SPENDBAR_ANTHROPIC_ADMIN_KEY: DEMO_ANTHROPIC_KEY,
    SPENDBAR_OPENAI_BASE_URL: server.url,
    SPENDBAR_OPENAI_ADMIN_KEY: DEMO_OPENAI_KEY,
  };
}
