/**
 * Renders an Open311 answer in the format the path asked for. JSON is the data as it is; XML
 * follows the spec's element names, with each list wrapped in its plural element
 * (`<services><service>`, `<attributes><attribute>`, `<errors><error>`), built by fast-xml-parser.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Format } from './open311.routes';

/** The root element of each answer. */
export type Root = 'discovery' | 'services' | 'service_definition' | 'service_requests' | 'errors';

/** The element of one entry of each list the spec defines. */
const SINGULAR: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const CONTENT_TYPE: Record<Format, string> = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' };

const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: false, suppressEmptyNode: false, suppressBooleanAttributes: false });

type Tree = string | { [name: string]: Tree | Tree[] };

/** A value as XML content: lists under their singular element, booleans and numbers as text, null as an empty element. */
const xmlOf = (value: unknown, name: string): Tree => {
  if (Array.isArray(value)) return { [SINGULAR[name] ?? 'item']: value.map((v) => xmlOf(v, SINGULAR[name] ?? 'item')) } as Tree;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const out: { [name: string]: Tree } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = xmlOf(v, k);
    return out;
  }
  return String(value);
};

/** The body and content type of an answer. */
export const render = (format: Format, root: Root, data: unknown): { body: string; contentType: string } => {
  if (format === 'json') return { body: JSON.stringify(data), contentType: CONTENT_TYPE.json };
  const xml = builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: xmlOf(data, root) }) as string;
  return { body: xml, contentType: CONTENT_TYPE.xml };
};
