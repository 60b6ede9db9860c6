import { formatOf, routeOf } from './open311.routes';
import { createRateLimiter } from './open311.limits';
import { render } from './open311.render';
import { parseXml } from '../../tests/support/open311/open311.check';

describe('Open311 routes', () => {
  it('names each GeoReport v2 resource by method, path and extension, under any prefix before /v2/', () => {
    expect(routeOf('GET', '/open311/v2/discovery.xml')).toEqual({ op: 'discovery', format: 'xml' });
    expect(routeOf('GET', '/v2/services.json')).toEqual({ op: 'services', format: 'json' });
    expect(routeOf('GET', '/open311/v2/services/ZC-V-0001.xml')).toEqual({ op: 'serviceDefinition', id: 'ZC-V-0001', format: 'xml' });
    expect(routeOf('GET', '/open311/v2/requests.json')).toEqual({ op: 'listRequests', format: 'json' });
    expect(routeOf('POST', '/open311/v2/requests.xml')).toEqual({ op: 'postRequest', format: 'xml' });
    expect(routeOf('GET', '/open311/v2/requests/req-1.json')).toEqual({ op: 'getRequest', id: 'req-1', format: 'json' });
    expect(routeOf('GET', '/open311/v2/tokens/tok%2D9.xml')).toEqual({ op: 'getToken', id: 'tok-9', format: 'xml' });
  });

  it('knows nothing else: other methods, resources, formats, nested or encoded slashes', () => {
    for (const [method, path] of [
      ['POST', '/open311/v2/services.xml'],
      ['DELETE', '/open311/v2/requests/req-1.xml'],
      ['GET', '/open311/v2/requests.csv'],
      ['GET', '/open311/v2/reports.xml'],
      ['GET', '/open311/v2/requests/a/b.xml'],
      ['GET', '/open311/v2/requests/a%2Fb.xml'],
      ['GET', '/open311/v2/requests/%E0%A4%A.xml'],
      ['GET', '/open311/services.xml'],
      ['PUT', '/open311/v2/requests.json'],
    ])
      expect(routeOf(method, path)).toBeNull();
    expect(formatOf('/open311/v2/nothing.json')).toBe('json');
    expect(formatOf('/open311/v2/nothing')).toBe('xml');
  });
});

describe('the per-key rate limit', () => {
  it('allows the limit in each fixed minute, then tells how long until the window ends', () => {
    let now = Date.parse('2026-10-08T02:00:45.000Z');
    const limiter = createRateLimiter(() => now);
    expect([1, 2, 3].map(() => limiter.hit('a', 2).allowed)).toEqual([true, true, false]);
    expect(limiter.hit('a', 2)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(limiter.hit('b', 2).allowed).toBe(true);
    now = Date.parse('2026-10-08T02:01:00.000Z');
    expect(limiter.hit('a', 2).allowed).toBe(true);
  });
});

describe('Open311 rendering', () => {
  it('escapes markup in text, so a description with <, & and quotes reads back as sent', () => {
    const data = [{ service_request_id: 'req-1', description: '路灯<坏了> & "漏电"', account_id: null }];
    const { body, contentType } = render('xml', 'service_requests', data);
    expect(contentType).toBe('text/xml; charset=utf-8');
    expect(body).not.toContain('<坏了>');
    expect(parseXml(body)).toEqual({
      root: 'service_requests',
      content: { request: [{ service_request_id: 'req-1', description: '路灯<坏了> & "漏电"', account_id: '' }] },
    });
    expect(JSON.parse(render('json', 'service_requests', data).body)).toEqual(data);
  });
});
