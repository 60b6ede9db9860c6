/**
 * Field problems of a failed answer in Chinese, for the forms that show them beside their
 * fields. Kept apart from the API client so that the message table loads with the forms, not
 * with the first screen.
 */
import type { WireError } from '@shared/api.schema';
import { isErrorCode } from '@shared/errors';
import { MESSAGES_ZH_CN } from '@shared/messages.zh-CN';

/** The Chinese text for a field problem: a code is looked up, plain text is shown as is. */
export const fieldMessage = (value: string): string => (isErrorCode(value) ? MESSAGES_ZH_CN[value] : value);

/** Field problems of a failed answer, keyed by field, with `prefix.` stripped (e.g. `form.`). */
export const fieldErrors = (error: WireError, prefix = ''): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.fields ?? {})) {
    if (prefix && !k.startsWith(`${prefix}.`)) continue;
    out[prefix ? k.slice(prefix.length + 1) : k] = fieldMessage(v);
  }
  return out;
};
