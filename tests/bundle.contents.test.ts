/**
 * What the deployed bundles carry, from esbuild's metafile (built as `npm run build:functions`
 * builds them, nothing written). zod is imported by name or through `zod/mini`'s functions, so a
 * bundle keeps only the parts its schemas use; an access such as `z.core.$ZodError` at run time
 * keeps all of zod's core, its 40-odd locales and its JSON-schema generator (370 KiB in one function,
 * whose cold start then took 1.4 times the SDK's). Sizes and times are measured in bench/, not here.
 */
import { DEPLOYED_FUNCTIONS, packagesOf } from '../tools/build-functions';

describe('the function bundles', () => {
  it.each(DEPLOYED_FUNCTIONS)('%s carries neither zod’s locales nor its JSON-schema generator', async (name) => {
    const packages = await packagesOf(name);
    expect(packages.some((p) => p.startsWith('zod/'))).toBe(true);
    expect(packages.filter((p) => /^zod\/v4\/(locales|core\/(json-schema|to-json-schema))/.test(p))).toEqual([]);
  });

  it('would catch an offender: a bundle that reaches zod through z.core has them', () => {
    // the check above reads metafile paths; this is the path the offending build had
    expect(/^zod\/v4\/(locales|core\/(json-schema|to-json-schema))/.test('zod/v4/locales/zh-CN.js')).toBe(true);
  });
});
