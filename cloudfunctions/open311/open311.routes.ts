/**
 * Which GeoReport v2 resource a path names, and in which format: the extension chooses
 * (`.xml`, the spec's required format, or `.json`). The path may carry any prefix before
 * `/v2/` (`/open311/v2/` on the gateway, the HTTP access path in the cloud).
 */

export type Format = 'xml' | 'json';

export type Route =
  | { op: 'discovery' | 'services' | 'listRequests' | 'postRequest'; format: Format }
  | { op: 'serviceDefinition' | 'getRequest' | 'getToken'; id: string; format: Format };

/** The operations that need a partner's api_key; the service list, its definitions and discovery are open. */
export const KEYED_OPS: ReadonlySet<Route['op']> = new Set(['listRequests', 'postRequest', 'getRequest', 'getToken']);

const PATH = /^(?:.*\/)?v2\/([^?#]+?)\.(xml|json)$/;

/** The format a path asks for, even when the resource is unknown (XML by default, as the spec's errors are). */
export const formatOf = (path: string): Format => (/\.json$/.test(path) ? 'json' : 'xml');

const decoded = (s: string): string | null => {
  try {
    const v = decodeURIComponent(s);
    return v && !v.includes('/') ? v : null;
  } catch {
    return null;
  }
};

/** The route of a method and path, or null for anything GeoReport v2 does not define. */
export const routeOf = (method: string, path: string): Route | null => {
  const m = path.match(PATH);
  if (!m) return null;
  const [, resource, ext] = m;
  const format = ext as Format;
  const [head, tail, ...rest] = resource.split('/');
  if (rest.length) return null;
  if (method === 'POST') return head === 'requests' && tail === undefined ? { op: 'postRequest', format } : null;
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (tail === undefined) {
    const op = ({ discovery: 'discovery', services: 'services', requests: 'listRequests' } as const)[head as 'discovery'];
    return op ? { op, format } : null;
  }
  const id = decoded(tail);
  const op = ({ services: 'serviceDefinition', requests: 'getRequest', tokens: 'getToken' } as const)[head as 'services'];
  return op && id ? { op, id, format } : null;
};
