/**
 * Every string the API takes or gives has a maximum length: a material name of 1,000,000
 * characters was accepted, and so was a checklist entry. The walk goes through every input
 * and output schema of shared/api.schema.ts, down through objects, lists, unions, records,
 * pipes and wrappers, and names each string it finds without a bound.
 */
import type { z } from 'zod';
import { API } from './api.schema';

type Def = {
  type: string;
  checks?: { _zod: { def: { check: string } } }[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
};

const BOUNDS = new Set(['max_length', 'length_equals']);

/** The paths of the strings under a schema that have no maximum length; each schema node is looked at once. */
const unboundedStrings = (schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): string[] => {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  const under = (s: z.ZodType | undefined, p: string) => (s ? unboundedStrings(s, p, seen) : []);
  switch (def.type) {
    case 'string':
      return (def.checks ?? []).some((c) => BOUNDS.has(c._zod.def.check)) ? [] : [path];
    case 'object':
      return [...Object.entries(def.shape ?? {}).flatMap(([k, s]) => under(s, `${path}.${k}`)), ...under(def.catchall, `${path}.*`)];
    case 'array':
      return under(def.element, `${path}[]`);
    case 'union':
      return (def.options ?? []).flatMap((s, i) => under(s, `${path}|${i}`));
    case 'record':
      return [...under(def.keyType, `${path}{key}`), ...under(def.valueType, `${path}{value}`)];
    case 'tuple':
      return (def.items ?? []).flatMap((s, i) => under(s, `${path}[${i}]`));
    case 'pipe':
      return [...under(def.in, path), ...under(def.out, path)];
    case 'intersection':
      return [...under(def.left, path), ...under(def.right, path)];
    case 'lazy':
      return under(def.getter?.(), path);
    default:
      return def.innerType ? under(def.innerType, path) : [];
  }
};

const SCHEMAS = Object.entries(API).flatMap(([fn, { input, output }]) => [
  ...Object.entries(input).map(([action, s]) => [`${fn}.${action} input`, s as z.ZodType] as const),
  ...Object.entries(output).map(([action, s]) => [`${fn}.${action} output`, s as z.ZodType] as const),
]);

describe('the API contract', () => {
  it.each(SCHEMAS)('%s bounds every string it holds with a maximum length', (name, schema) => {
    expect(unboundedStrings(schema, name)).toEqual([]);
  });

  it('finds a string without a maximum wherever it hides, so the walk itself can fail', async () => {
    const { z } = await import('zod');
    const hidden = z.object({ a: z.array(z.union([z.number(), z.record(z.string().max(5), z.string().optional())])) });
    expect(unboundedStrings(hidden, 'x')).toEqual(['x.a[]|1{value}']);
  });
});
