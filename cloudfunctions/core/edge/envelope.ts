/**
 * The one answer envelope and the edge where unknown throwables are normalized.
 */
import { ZodError } from 'zod';
import { AppError, type Result } from '../../../shared/errors';
import { messageFor } from '../../../shared/messages.zh-CN';
import type { Envelope, WireError } from '../../../shared/api.schema';

/** Turns an AppError into its wire form with the Chinese message. */
export const toWireError = (e: AppError): WireError => ({
  code: e.code,
  message: messageFor(e.code),
  ...(e.fields && Object.keys(e.fields).length ? { fields: e.fields } : {}),
});

/** Maps zod issues to field errors: the path joined by dots, the issue's (Chinese) message. */
export const zodFields = (error: ZodError): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
};

/** Normalizes anything thrown into an AppError; unknown bugs become INTERNAL. */
export const normalizeError = (e: unknown): AppError => {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) return new AppError('VALIDATION_FAILED', zodFields(e));
  return new AppError('INTERNAL', undefined, e instanceof Error ? e.message : String(e));
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
