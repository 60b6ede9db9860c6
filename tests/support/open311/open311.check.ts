/**
 * What the Open311 tests check answers with: ajv over the GeoReport v2 JSON schemas in this
 * folder, and XML parsed back (fast-xml-parser) into the same shape as the JSON answer, so each
 * element can be compared with its JSON twin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type SchemaName = 'discovery' | 'services' | 'service_definition' | 'post_service_request' | 'service_requests' | 'token' | 'errors';

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const validators = new Map<SchemaName, ValidateFunction>();

/** Fails with ajv's errors unless `data` fits the named GeoReport v2 schema. */
export const expectSchema = (name: SchemaName, data: unknown): void => {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, `${name}.schema.json`), 'utf8')));
    validators.set(name, validate);
  }
  if (!validate(data)) throw new Error(`${name} schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(data).slice(0, 400)}`);
};

/** The list elements of each root, as the spec names them. */
const LISTS = new Set([
  'services.service',
  'service_requests.request',
  'errors.error',
  'attributes.attribute',
  'values.value',
  'endpoints.endpoint',
  'formats.format',
]);

const parser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jpath) => LISTS.has(String(jpath).split('.').slice(-2).join('.')),
});

/** Parses an XML answer: its one root element's name and content (text values stay text). */
export const parseXml = (xml: string): { root: string; content: any } => {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid)}`);
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const doc = parser.parse(xml) as Record<string, unknown>;
  const roots = Object.keys(doc);
  expect(roots).toHaveLength(1);
  return { root: roots[0], content: doc[roots[0]] };
};

/**
 * The JSON answer as its XML twin reads once parsed: each list under its plural element with
 * the singular element inside, values as text, null as an empty element, an empty list as nothing.
 */
export const asXmlShape = (value: unknown, singular?: string): unknown => {
  if (Array.isArray(value)) {
    if (!value.length) return '';
    const element = singular ?? 'item';
    return { [element]: value.map((v) => asXmlShape(v, SINGULAR_OF[element])) };
  }
  if (value === null) return '';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, asXmlShape(v, SINGULAR_OF[k])]));
  return String(value);
};

const SINGULAR_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

/** Checks an XML answer element by element against the JSON answer of the same call. */
export const expectXmlMatchesJson = (xml: string, root: string, json: unknown): void => {
  const parsed = parseXml(xml);
  expect(parsed.root).toBe(root);
  expect(parsed.content).toEqual(asXmlShape(json, SINGULAR_OF[root]));
};
