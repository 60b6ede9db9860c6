/**
 * zod's error map in zh-CN, installed for every parse in a process that loads this module (the
 * app, the server): each issue becomes a typed field issue, worded by the field table in
 * messages.zh-CN.ts, so no zod default (English, or echoing the input) can reach a person. The
 * modules that define schemas import it; the tables themselves stay free of zod, so a screen
 * that only shows messages does not load it.
 */
import * as z from 'zod/mini';
import { fieldIssueOf } from './field.issues';
import { fieldMessageZhCN } from './messages.zh-CN';

/** zod's error map in zh-CN: each issue becomes a typed field issue, worded by the field table. */
export const fieldErrorMapZhCN =
  (scope?: string): z.core.$ZodErrorMap =>
  (issue) =>
    fieldMessageZhCN(fieldIssueOf(issue), scope);

// A parse may pass a scoped map (dispatch does, per action); a schema's own message still comes first.
z.config({ customError: fieldErrorMapZhCN() });
