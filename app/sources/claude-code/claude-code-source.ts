/** Claude Code's local transcripts: no key, priced with our catalog, an estimate (../shared/reference/claude-code-logs.md). */
import { longContextRule } from '../../engine/price.ts';
import { LOCAL_LOG_SOURCE, localLogInstance } from '../local-log-instance.ts';
import type { SourceDefinition, SourceInstance, SourceSetup } from '../source-definition.ts';
import { claudeProjectRoots } from './claude-roots.ts';
import { ClaudeCodeScanner } from './claude-scanner.ts';
import { ScanWorkerPool } from './scan-workers.ts';

function claudeCodeInstance(scanner: ClaudeCodeScanner, setup: SourceSetup): SourceInstance {
  return localLogInstance({
    get cold() {
      return scanner.cold;
    },
    async scan({ signal }) {
      // The cold scan uses every core on worker threads and leaves this thread free; they end with it.
      const pool = scanner.cold && setup.scanWorkers ? new ScanWorkerPool(setup.scanWorkers) : undefined;
      scanner.useParser(pool?.parse);
      try {
        return await scanner.refresh(signal);
      } catch (error) {
        if (!pool || signal?.aborted) throw error;
        // Workers could not run here: the same scan on this thread, slower but complete.
        scanner.useParser(undefined);
        return await scanner.refresh(signal);
      } finally {
        scanner.useParser(undefined);
        await pool?.close();
      }
    },
    usageRows: (catalog) => scanner.usageRows((model, day) => longContextRule(catalog, model, day)),
  });
}

export const claudeCodeSource: SourceDefinition = {
  id: 'claude-code',
  label: 'Claude Code (local logs)',
  ...LOCAL_LOG_SOURCE,
  duplicates: 'anthropic',
  create(setup) {
    const roots = claudeProjectRoots(setup.env);
    return {
      // The scanner's state is saved under the home, so a restart reads only what was appended.
      ...(roots.roots.length > 0
        ? { instance: claudeCodeInstance(new ClaudeCodeScanner(roots.roots, { stateDir: setup.home, now: setup.now }), setup) }
        : {}),
      ...(roots.problem ? { problem: roots.problem } : {}),
    };
  },
  isSubscription: (settings) => settings.claudeCodeSubscriptionUsd !== null,
};
