/** The one answer envelope and the call every function takes. */
import * as z from 'zod/mini';
import { ERROR_CODES } from './errors';

/** The error half of the envelope. */
export const WireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.optional(z.record(z.string(), z.string())),
});
export type WireError = z.infer<typeof WireErrorSchema>;

/** Every answer: `{ok: true, data}` or `{ok: false, error}`. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: WireError };

/** The call every function takes. */
export const CallSchema = z.object({ action: z.string().check(z.minLength(1)), data: z.optional(z.unknown()) });
