/**
 * What an edge reports about a failed call. A bug (INTERNAL) is reported once, by the edge,
 * with the function, the action and the stack of what was thrown; never the call's data or
 * a field's value, so the report carries no personal data. Expected failures are only counted.
 */
import type { AppError } from '../../../shared/errors';

/** The report of an INTERNAL failure, or null when the error is an expected, coded one. */
export const internalErrorReport = (fn: string, action: string, error: AppError | undefined): string | null => {
  if (error?.code !== 'INTERNAL') return null;
  const thrown = error.cause ?? error;
  // a thrown non-Error may be anything, data included: name its type only
  const trace = thrown instanceof Error ? (thrown.stack ?? `${thrown.name}: ${thrown.message}`) : `a thrown ${typeof thrown}, not an Error`;
  return `internal error in ${fn}.${action}: ${trace}`;
};
