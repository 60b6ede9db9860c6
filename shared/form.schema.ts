/**
 * The application form of an item is data (`item.formFields`). This builds the zod schema
 * that both the app (inline errors) and the `requests.submit` handler parse the form with,
 * so a form the app accepts is a form the server accepts.
 */
import { z } from 'zod';
import type { FormField } from './catalogue.schema';
import { ContactPhoneSchema, IdNumberSchema } from './validators';
import { maskIdNumber } from './masking';

/** Parsed form values as `Request.form` stores them. */
export type FormValues = Record<string, string | number>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The check for a filled-in value of one field, by its type. */
const valueSchema = (f: FormField): z.ZodType<string | number, string> => {
  switch (f.type) {
    case 'idNumber':
      return IdNumberSchema;
    case 'phone':
      // a contact phone: residents give a mobile, companies often the office landline
      return ContactPhoneSchema;
    case 'number':
      return z.string().trim().regex(NUMBER, `${f.label}请填写数字`).transform(Number);
    case 'date':
      return z.string().trim().regex(DATE, `请选择${f.label}`);
    case 'select':
      return z.string().refine((v) => (f.options ?? []).includes(v), `请选择${f.label}`);
    default:
      return z.string().trim().max(f.maxLength ?? 2000, `${f.label}不能超过${f.maxLength ?? 2000}个字`);
  }
};

/** One field: numbers typed as numbers are accepted as text; blanks fail when required and drop otherwise. */
const fieldSchema = (f: FormField) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : blank(v) ? undefined : v),
    f.required
      ? z.string({ error: f.type === 'select' || f.type === 'date' ? `请选择${f.label}` : `请填写${f.label}` }).pipe(valueSchema(f))
      : z.string().pipe(valueSchema(f)).optional(),
  );

/** Builds the schema of an item's application form from its fields; unknown keys are dropped. */
export const formSchemaFor = (fields: readonly FormField[]): z.ZodType<FormValues, Record<string, unknown>> =>
  z.object(Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f)]))).transform((values) => {
    const out: FormValues = {};
    for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v as string | number;
    return out;
  }) as unknown as z.ZodType<FormValues, Record<string, unknown>>;

/** The first message per top-level field of a failed parse, for inline errors under each input. */
export const fieldErrorsOf = (error: z.ZodError): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !(key in out)) out[key] = issue.message;
  }
  return out;
};

/**
 * Keeps ID numbers out of the stored form: each `idNumber` field is replaced by its masked
 * form, and its keyed hash (the caller's `hash`, e.g. HMAC) is kept beside it so a clerk's
 * check against the presented card can still be matched.
 */
export const sealForm = (fields: readonly FormField[], values: FormValues, hash: (value: string) => string): { form: FormValues; hashes: Record<string, string> } => {
  const form: FormValues = { ...values };
  const hashes: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.type !== 'idNumber' || typeof v !== 'string') continue;
    form[f.key] = maskIdNumber(v);
    hashes[f.key] = hash(v);
  }
  return { form, hashes };
};
