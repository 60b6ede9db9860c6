/**
 * One text per value: JSON with object keys sorted at every depth and undefined fields left
 * out, so two bodies that mean the same thing hash the same, whatever order their keys came in.
 */

/** The canonical JSON text of a JSON-like value. */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortedKeys(value));

const sortedKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortedKeys(v)]));
};
