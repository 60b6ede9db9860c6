/**
 * What every port's contract suite shares: the first page, and reading a Result in a test.
 */
export const PAGE = { page: 1, pageSize: 20 };

/** Unwraps a Result, failing the test with the error code if it is not ok. */
export function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}

/** The error code of a Result, or 'ok'. */
export const codeOf = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'ok' : r.error!.code);
