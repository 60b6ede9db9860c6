/**
 * Generators of malformed input for the fuzz tests: anything at all, wrong types shaped like an
 * action's schema, and a valid call with its fields swapped for wrong ones, so that a fuzzed
 * call reaches the handler and the store, not only the parser.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** What a person might type, and so must never come back in a message. */
export const typed = fc.constantFrom(
  '370883199001011234',
  '13805379999',
  '王小明',
  '邹城市钢山街道',
  'DROP TABLE users',
  '<b>x</b>',
  '__proto__',
  'constructor',
  '   ',
  'ts-103',
  'v-999-001',
);
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ minLength: 31, maxLength: 600 }), typed);

/** A value of any type, weighted towards what breaks parsers: texts, numbers, null, lists and objects. */
export const wrong: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(text, fc.integer()), { maxLength: 25 }),
  fc.dictionary(text, fc.oneof(text, fc.integer(), fc.object())),
);

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
};
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** Malformed input shaped like a schema: its objects and lists, with wrong values down to the leaves. */
export const malformedFor = (schema: z.ZodType): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return malformedFor(def.innerType!);
    case 'pipe':
      return malformedFor(def.in!);
    case 'object':
      return fc.oneof(
        fc.record(Object.fromEntries(Object.entries(def.shape!).map(([k, s]) => [k, fc.oneof(malformedFor(s), wrong)])), { requiredKeys: [] }),
        wrong,
      );
    case 'array':
      return fc.oneof(fc.array(malformedFor(def.element!), { maxLength: 25 }), wrong);
    case 'union':
      return fc.oneof(...def.options!.map(malformedFor), wrong);
    default:
      return wrong;
  }
};

/** A value of the right type and the wrong content: an unknown id, a stale version, an option off the list. */
export const sameTypeFor = (schema: z.ZodType): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return sameTypeFor(def.innerType!);
    case 'pipe':
      return sameTypeFor(def.in!);
    case 'string':
      return text;
    case 'number':
      return fc.oneof(fc.integer({ min: -3, max: 12 }), fc.integer(), fc.double());
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof(fc.constantFrom(...Object.values(def.entries ?? {})), text);
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape!).map(([k, s]) => [k, sameTypeFor(s)])), { requiredKeys: [] });
    case 'array':
      return fc.array(sameTypeFor(def.element!), { maxLength: 5 });
    case 'union':
      return fc.oneof(...def.options!.map(sameTypeFor));
    default:
      return wrong;
  }
};

/** The fields of an object schema, or none. */
const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> => {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape!;
  if (def.innerType) return shapeOf(def.innerType);
  if (def.type === 'pipe') return shapeOf(def.in!);
  return {};
};

/**
 * A valid call with each field kept, dropped, given a value of the right type and wrong content,
 * or a value of another type; sometimes with an unknown field added.
 */
export const nearlyValid = (schema: z.ZodType, valid: Record<string, unknown>): fc.Arbitrary<unknown> => {
  const shape = shapeOf(schema);
  const keys = [...new Set([...Object.keys(shape), ...Object.keys(valid)])];
  const field = (k: string) => {
    const s = shape[k];
    const options: fc.Arbitrary<unknown>[] = [fc.constant(undefined), s ? sameTypeFor(s) : wrong, s ? malformedFor(s) : wrong];
    return k in valid ? fc.oneof({ weight: 3, arbitrary: fc.constant(valid[k]) }, ...options) : fc.oneof(...options);
  };
  return fc
    .tuple(fc.record(Object.fromEntries(keys.map((k) => [k, field(k)]))), fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), wrong)))
    .map(([fields, extra]) => {
      const out = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      return extra ? { ...out, [extra[0]]: extra[1] } : out;
    });
};

/**
 * Every text of an input a person could recognise as their own: strings and keys of two or
 * more characters, not a number alone (a limit in a message, such as -1 or 30, is no echo).
 */
export const stringsIn = (v: unknown, depth = 0): string[] => {
  if (typeof v === 'string') return v.trim().length >= 2 && /[^\d\s.+-]/.test(v) ? [v] : [];
  if (!v || typeof v !== 'object' || depth > 8) return [];
  return Object.entries(v).flatMap(([k, x]) => [...stringsIn(k), ...stringsIn(x, depth + 1)]);
};
