/**
 * The one answer envelope and the edge where unknown throwables are normalized.
 */
import { ZodError } from 'zod';
import { AppError, isErrorCode, type Failure, type FieldErrors, type Result } from '../../../shared/errors';
import { fieldMessageZhCN, isWordedForPeople, messageFor } from '../../../shared/messages.zh-CN';
import { issuePath } from '../../../shared/field.issues';
import type { Envelope, WireError } from '../../../shared/api.schema';

/**
 * The field problems a person may see: an error code (the app words it) or Chinese text
 * passes; anything else (a developer's note, an id, stray English) is worded from the field table.
 */
const wireFields = (fields: FieldErrors | undefined): FieldErrors | undefined => {
  const entries = Object.entries(fields ?? {});
  if (!entries.length) return undefined;
  return Object.fromEntries(
    entries.map(([path, text]) => [path, isErrorCode(text) || isWordedForPeople(text) ? text : fieldMessageZhCN({ path, code: 'invalid' })]),
  );
};

/** Turns a failure (or an AppError) into its wire form with the Chinese message. */
export const toWireError = (e: Failure): WireError => {
  const fields = wireFields(e.fields);
  return { code: e.code, message: messageFor(e.code), ...(fields ? { fields } : {}) };
};

/** Maps zod issues to field errors: the path joined by dots, the first issue's (zh-CN error map) message. */
export const zodFields = (error: ZodError): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    fields[issuePath(issue.path)] ??= issue.message;
  }
  return fields;
};

/** Normalizes anything thrown into an AppError that keeps it as `cause`; unknown bugs become INTERNAL. */
export const normalizeError = (e: unknown): AppError => {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) return new AppError('VALIDATION_FAILED', zodFields(e), undefined, { cause: e });
  return new AppError('INTERNAL', undefined, e instanceof Error ? e.message : typeof e, { cause: e });
};

/** Wraps data as a successful envelope. */
export const okEnvelope = <T>(data: T): Envelope<T> => ({ ok: true, data });

/** Wraps an error as a failed envelope. */
export const errorEnvelope = (e: unknown): Envelope<never> => ({ ok: false, error: toWireError(normalizeError(e)) });

/** Unwraps a domain Result inside a handler: a failure is thrown to the edge as an AppError. */
export const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw AppError.of(r.error);
  return r.value;
};
