/** The in-memory store the app falls back to when no keychain exists: a real SecretStore, not a mock. */
import type { SecretStore } from '../../app/main/secret-store.ts';

export function memorySecrets(): SecretStore {
  const keys = new Map<string, string>();
  return {
    persistent: false,
    problem: 'no keychain in this test',
    get: async (p) => keys.get(p),
    set: async (p, k) => void keys.set(p, k.trim()),
    remove: async (p) => void keys.delete(p),
    has: async (p) => keys.has(p),
  };
}
