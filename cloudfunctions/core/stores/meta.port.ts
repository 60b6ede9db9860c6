/**
 * Small settings the deployment keeps in its own store: the token and ID-hash secrets
 * generated on first run, the seed marker, and where the overdue scan stands. Read when the
 * dependencies are built and by the scheduled scan, never by a handler.
 */
export interface MetaStore {
  getMeta(key: string): Promise<string | null>;
  /** Stores `value` unless the key has one; answers the value that won, so concurrent first runs agree. */
  setMetaIfAbsent(key: string, value: string): Promise<string>;
  /** Stores `value` under the key, replacing any earlier one (one writer at a time: the scheduled scan). */
  putMeta(key: string, value: string): Promise<void>;
}
