/** Where settings and the ledger live: SPENDBAR_HOME, else the per-OS app data folder. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function spendbarHome(env: Readonly<Record<string, string | undefined>>): string {
  if (env.SPENDBAR_HOME) return env.SPENDBAR_HOME;
  const home = env.HOME ?? homedir();
  switch (process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Spendbar');
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Spendbar');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Spendbar');
  }
}
