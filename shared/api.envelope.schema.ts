/** The one answer envelope and the call every function takes. */
import { z } from 'zod';
import { ERROR_CODES } from './errors';

/** The error half of the envelope. */
export const WireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;

/** Every answer: `{ok: true, data}` or `{ok: false, error}`. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: WireError };

/** The call every function takes. */
export const CallSchema = z.object({ action: z.string().min(1), data: z.unknown().optional() });
