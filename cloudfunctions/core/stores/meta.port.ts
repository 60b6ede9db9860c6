/**
 * Small settings the deployment keeps in its own store: the token and ID-hash secrets
 * generated on first run, and the seed marker. Read when the dependencies are built, never by a handler.
 */
export interface MetaStore {
  getMeta(key: string): Promise<string | null>;
  /** Stores `value` unless the key has one; answers the value that won, so concurrent first runs agree. */
  setMetaIfAbsent(key: string, value: string): Promise<string>;
}
