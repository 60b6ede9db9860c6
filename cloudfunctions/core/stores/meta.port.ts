/**
 * Small settings the deployment keeps in its own store, such as the seed marker. Never a secret
 * (see services/secrets.ts): `deleteMeta` is how the secrets of an older database move out.
 */
export interface MetaStore {
  getMeta(key: string): Promise<string | null>;
  /** Stores `value` unless the key has one; answers the value that won, so concurrent first runs agree. */
  setMetaIfAbsent(key: string, value: string): Promise<string>;
  /** Removes a key; removing an absent key is not an error. */
  deleteMeta(key: string): Promise<void>;
}
