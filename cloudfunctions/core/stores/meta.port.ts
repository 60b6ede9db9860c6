/**
 * Small settings the deployment keeps in its own store: the seed marker and where the overdue
 * scan stands. Never a secret (see services/secrets.ts): `deleteMeta` is how the secrets of an
 * older database move out. Read when the dependencies are built and by the scheduled scan.
 */
export interface MetaStore {
  getMeta(key: string): Promise<string | null>;
  /** Stores `value` unless the key has one; answers the value that won, so concurrent first runs agree. */
  setMetaIfAbsent(key: string, value: string): Promise<string>;
  /** Stores `value` under the key, replacing any earlier one (one writer at a time: the scheduled scan). */
  putMeta(key: string, value: string): Promise<void>;
  /** Removes a key; removing an absent key is not an error. */
  deleteMeta(key: string): Promise<void>;
}
