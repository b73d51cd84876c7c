/** Opens the secret store in a fresh process (the keychain connection is per process) and reports. */
import { openSecretStore } from '../../app/main/secret-store.ts';

const store = await openSecretStore('app.spendbar.test.probe');
await store.set('openai', 'sk-admin-probe');
process.stdout.write(
  JSON.stringify({
    persistent: store.persistent,
    problem: store.problem,
    readBack: (await store.get('openai')) === 'sk-admin-probe',
  }),
);
