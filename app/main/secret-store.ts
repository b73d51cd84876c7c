/**
 * Admin keys in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on
 * Linux) through @napi-rs/keyring. The only module that touches the keychain. When no keychain is
 * available the key is kept in memory for this run only — never written anywhere in plain text.
 */
import type { AsyncEntry } from '@napi-rs/keyring';
import { keyCharacterProblem } from '../sources/http/key-characters.ts';
import { sourceDefinition } from '../sources/registry.ts';

/**
 * The native binding is loaded lazily, inside the fallback's `try`: a static import of a missing or
 * broken prebuilt (wrong architecture, a stripped install) would throw while the module loads,
 * before the in-memory fallback could engage, and the app would not start at all.
 */
export type KeyringLoader = () => Promise<{ AsyncEntry: typeof AsyncEntry }>;
const loadKeyring: KeyringLoader = () => import('@napi-rs/keyring');

/** The id of a source whose credential is a key (its definition names the keychain account). */
export type KeyProvider = string;

function credentialOf(id: KeyProvider) {
  const definition = sourceDefinition(id);
  const credential = definition?.credential;
  return definition && credential && credential.kind !== 'none' ? { ...credential, label: definition.label } : undefined;
}

export function isKeyProvider(id: unknown): id is KeyProvider {
  return typeof id === 'string' && credentialOf(id) !== undefined;
}

export const KEYCHAIN_SERVICE = 'app.spendbar.desktop';
/**
 * On Linux, require the Secret Service (gnome-keyring, KWallet): the library's silent fallback, the
 * kernel keyring, forgets keys at logout, so we would rather say "this run only" out loud.
 */
const ENTRY_OPTIONS = { linux: { store: 'secret-service' } } as const;

export interface SecretStore {
  /** False when keys live in memory only (no keychain on this machine). */
  readonly persistent: boolean;
  /** Why keys are not persistent, for the settings page. */
  readonly problem: string | undefined;
  get(provider: KeyProvider): Promise<string | undefined>;
  set(provider: KeyProvider, key: string): Promise<void>;
  remove(provider: KeyProvider): Promise<void>;
  has(provider: KeyProvider): Promise<boolean>;
}

/** A message for a key that cannot be an admin key; never repeats the key itself. */
export function keyFormatProblem(provider: KeyProvider, key: string): string | undefined {
  const trimmed = key.trim();
  if (trimmed === '') return 'The key is empty.';
  if (/\s/.test(trimmed)) return 'The key contains spaces or line breaks; paste it again.';
  const character = keyCharacterProblem(trimmed);
  if (character) return character;
  const credential = credentialOf(provider);
  if (!credential) return 'This source takes no key.';
  if (!trimmed.startsWith(credential.prefix)) {
    const article = /^[AEIOU]/.test(credential.label) ? 'an' : 'a';
    return `This is not ${article} ${credential.label} ${credential.keyName} (they start with ${credential.prefix}). ${credential.whereToCreate}`;
  }
  return undefined;
}

class MemorySecretStore implements SecretStore {
  readonly persistent = false;
  private readonly keys = new Map<KeyProvider, string>();
  constructor(readonly problem: string) {}
  async get(provider: KeyProvider) {
    return this.keys.get(provider);
  }
  async set(provider: KeyProvider, key: string) {
    this.keys.set(provider, key.trim());
  }
  async remove(provider: KeyProvider) {
    this.keys.delete(provider);
  }
  async has(provider: KeyProvider) {
    return this.keys.has(provider);
  }
}

class KeychainSecretStore implements SecretStore {
  readonly persistent = true;
  readonly problem = undefined;
  constructor(
    private readonly service: string,
    private readonly Entry: typeof AsyncEntry,
  ) {}
  private entry(provider: KeyProvider) {
    return new this.Entry(this.service, credentialOf(provider)?.account ?? `${provider}-key`, ENTRY_OPTIONS);
  }
  async get(provider: KeyProvider) {
    return (await this.entry(provider).getPassword()) ?? undefined;
  }
  async set(provider: KeyProvider, key: string) {
    await this.entry(provider).setPassword(key.trim());
  }
  async remove(provider: KeyProvider) {
    await this.entry(provider).deleteCredential();
  }
  async has(provider: KeyProvider) {
    return (await this.get(provider)) !== undefined;
  }
}

/** The keychain if it answers; otherwise an in-memory store that says why. */
export async function openSecretStore(service = KEYCHAIN_SERVICE, load: KeyringLoader = loadKeyring): Promise<SecretStore> {
  try {
    const { AsyncEntry: Entry } = await load();
    await new Entry(service, 'spendbar-probe', ENTRY_OPTIONS).getPassword();
    return new KeychainSecretStore(service, Entry);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return new MemorySecretStore(
      `No OS keychain is available (${reason}); keys are kept for this run only and never written to disk.`,
    );
  }
}
