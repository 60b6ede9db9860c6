/**
 * The application form of an item is data (`item.formFields`). This builds the zod schema
 * that both the app (inline errors) and the `requests.submit` handler parse the form with,
 * so a form the app accepts is a form the server accepts.
 */
import * as z from 'zod/mini';
// the error class by name: `z.core.$ZodError` at run time would bundle all of zod's core (386 KiB in the requests function)
import { $ZodError } from 'zod/v4/core';
import type { FormField } from './catalogue.schema';
import { ContactPhoneSchema, CreditCodeSchema, idNumberSchema, idOrCreditCodeSchema, isCalendarDate } from './validators';
import { maskIdNumber, maskPhone } from './masking';

/** Parsed form values as `Request.form` stores them. */
export type FormValues = Record<string, string | number>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** What a form is checked against besides its fields: today's China date (YYYYMMDD), so no ID is born in the future. */
export type FormCheck = { today?: string };

/** The check for a filled-in value of one field, by its type. */
const valueSchema = (f: FormField, check: FormCheck): z.ZodMiniType<string | number, string> => {
  switch (f.type) {
    case 'idNumber':
      return idNumberSchema(check.today);
    case 'idOrCreditCode':
      return idOrCreditCodeSchema(check.today);
    case 'creditCode':
      return CreditCodeSchema;
    case 'phone':
      // a contact phone: residents give a mobile, companies often the office landline
      return ContactPhoneSchema;
    case 'number':
      return z.pipe(z.string().check(z.trim(), z.regex(NUMBER, `${f.label}请填写数字`)), z.transform(Number));
    case 'date':
      // 2025-13-45 has the shape of a date and is none
      return z.string().check(
        z.trim(),
        z.regex(DATE, `请选择${f.label}`),
        z.refine((v) => isCalendarDate(v.replace(/-/g, '')), `${f.label}不是有效的日期`),
      );
    case 'select':
      return z.string().check(z.refine((v) => (f.options ?? []).includes(v), `请选择${f.label}`));
    default:
      return z.string().check(z.trim(), z.maxLength(f.maxLength ?? 2000, `${f.label}不能超过${f.maxLength ?? 2000}个字`));
  }
};

/** A value as the app shows the applicant's own numbers: masked (1101**********002X, 138****8000). */
const isMasked = (v: string): boolean => v.includes('*');

/**
 * A value check that lets a masked value through for a field the app prefills with the
 * applicant's own number; whether it is the applicant's own mask is the form's last step
 * (withOwnPrefill), so this schema is the same for everyone and is built once per item.
 * Other values keep the field's own wording.
 */
const orMasked = (check: z.ZodMiniType<string | number, string>) =>
  z.pipe(
    z.string(),
    z.transform((v, ctx) => {
      if (isMasked(v)) return v;
      const r = check.safeParse(v);
      if (r.success) return r.data;
      for (const issue of r.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, input: v });
      return z.NEVER;
    }),
  );

/** One field: numbers typed as numbers are accepted as text; blanks fail when required and drop otherwise. */
const fieldSchema = (f: FormField, check: FormCheck) => {
  const value = f.prefill ? orMasked(valueSchema(f, check)) : valueSchema(f, check);
  return z.pipe(
    z.transform((v: unknown) => (typeof v === 'number' ? String(v) : blank(v) ? undefined : v)),
    f.required
      ? z.pipe(z.string({ error: f.type === 'select' || f.type === 'date' ? `请选择${f.label}` : `请填写${f.label}` }), value)
      : z.optional(z.pipe(z.string(), value)),
  );
};

/** The compiled schema of one item's form. */
export type FormSchema = z.ZodMiniType<FormValues, Record<string, unknown>>;

/** The applicant's own numbers as the app may show them: masked, from the bound record. */
export type OwnMasked = { idMasked?: string; phoneMasked?: string };

/** The masked prefill of each field that asks for the applicant's own ID number or phone. */
export const ownPrefill = (fields: readonly FormField[], own: OwnMasked): Record<string, string> =>
  Object.fromEntries(
    fields.flatMap((f) => {
      const v = f.prefill === 'ownIdNumber' ? own.idMasked : f.prefill === 'ownPhone' ? own.phoneMasked : undefined;
      return v ? [[f.key, v]] : [];
    }),
  );

/**
 * The schema of an item's form that is the same for every applicant (unknown keys dropped; a
 * masked value passes where the field may be prefilled); `check` carries today's China date, so
 * no ID number is born in the future. The catalogue cache keeps one per item and day.
 */
export const baseFormSchema = (fields: readonly FormField[], check: FormCheck = {}): FormSchema =>
  z.pipe(
    z.object(Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f, check)]))),
    z.transform((values) => {
      const out: FormValues = {};
      for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v as string | number;
      return out;
    }),
  ) as unknown as FormSchema;

/** A form issue: the field's key and what to tell the applicant. */
type FieldIssue = { key: string; message: string; input: string };

/**
 * The applicant's last step on a base schema's values: a field given back exactly as its masked
 * prefill (`prefilled`) passes as is, and the server puts the bound value in its place (sealForm),
 * so the full number never travels to the app; any other masked value fails in the words of its field.
 */
const ownPrefillIssues = (fields: readonly FormField[], values: FormValues, prefilled: Record<string, string>, check: FormCheck): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  for (const f of fields) {
    const v = values[f.key];
    if (!f.prefill || typeof v !== 'string' || !isMasked(v) || v === prefilled[f.key]) continue;
    const r = valueSchema(f, check).safeParse(v);
    issues.push({ key: f.key, message: r.success ? `请重新填写${f.label}` : (r.error.issues[0]?.message ?? `请重新填写${f.label}`), input: v });
  }
  return issues;
};

const customIssue = (i: FieldIssue) => ({ code: 'custom' as const, path: [i.key], message: i.message, input: i.input });

/** A base schema with the applicant's last step (ownPrefillIssues) as a schema, for the app's inline errors. */
export const withOwnPrefill = (base: FormSchema, fields: readonly FormField[], prefilled: Record<string, string>, check: FormCheck = {}): FormSchema =>
  z.pipe(
    base,
    z.transform((values: FormValues, ctx) => {
      for (const issue of ownPrefillIssues(fields, values, prefilled, check)) ctx.issues.push(customIssue(issue));
      return values;
    }),
  ) as unknown as FormSchema;

/**
 * Parses a form with an item's base schema (built once per item and day) and then the applicant's
 * last step, as `withOwnPrefill(base, …).safeParse(input)` does, without building a schema per call:
 * the submit handler's way, where a schema per applicant would be built on every call.
 */
export const parseOwnForm = (
  base: FormSchema,
  fields: readonly FormField[],
  prefilled: Record<string, string>,
  input: unknown,
  check: FormCheck = {},
): ReturnType<FormSchema['safeParse']> => {
  const parsed = base.safeParse(input);
  if (!parsed.success) return parsed;
  const issues = ownPrefillIssues(fields, parsed.data, prefilled, check);
  return issues.length ? { success: false, error: new $ZodError(issues.map(customIssue)) as z.core.$ZodError<FormValues> } : parsed;
};

/** Builds the schema of an item's application form for one applicant (see baseFormSchema and withOwnPrefill). */
export const formSchemaFor = (fields: readonly FormField[], prefilled: Record<string, string> = {}, check: FormCheck = {}): FormSchema =>
  withOwnPrefill(baseFormSchema(fields, check), fields, prefilled, check);

/** The first message per top-level field of a failed parse, for inline errors under each input. */
export const fieldErrorsOf = (error: z.core.$ZodError): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !(key in out)) out[key] = issue.message;
  }
  return out;
};

/** How sealForm keeps numbers: the caller's keyed hash and encryption, and the applicant's bound numbers. */
export type FormSealing = {
  hash: (value: string) => string;
  seal: (value: string) => string;
  own?: OwnMasked & { idHash?: string; phoneSealed?: string };
};

/** The form as stored: masked values, the hashes of ID numbers and codes, the sealed phones. */
export type SealedForm = { form: FormValues; hashes: Record<string, string>; sealed: Record<string, string> };

/**
 * Keeps numbers out of the stored form: an ID number or credit code is replaced by its mask
 * and its keyed hash kept beside it (to match the card a clerk is shown); a phone by its mask,
 * and its encryption kept so a clerk can still call. A masked prefill given back unchanged
 * takes the applicant's bound hash or sealed phone.
 */
export const sealForm = (fields: readonly FormField[], values: FormValues, s: FormSealing): SealedForm => {
  const out: SealedForm = { form: { ...values }, hashes: {}, sealed: {} };
  for (const f of fields) {
    const v = values[f.key];
    if (typeof v !== 'string') continue;
    if (f.type === 'idNumber' || f.type === 'idOrCreditCode') {
      const own = f.prefill === 'ownIdNumber' && v === s.own?.idMasked ? s.own.idHash : undefined;
      out.form[f.key] = own ? v : maskIdNumber(v);
      out.hashes[f.key] = own ?? s.hash(v);
    } else if (f.type === 'phone') {
      const own = f.prefill === 'ownPhone' && v === s.own?.phoneMasked ? s.own.phoneSealed : undefined;
      out.form[f.key] = own ? v : maskPhone(v);
      out.sealed[f.key] = own ?? s.seal(v);
    }
  }
  return out;
};
