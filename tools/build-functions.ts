/**
 * Bundles each deployed cloud function of the manifest (cloudfunctions/functions.manifest.ts)
 * with esbuild into one self-contained dist/functions/<name>/index.js exporting `main`
 * (CloudBase: installDependency false), beside the config.json of its trigger and open-API grants.
 */
import { build } from 'esbuild';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deployedFunction, FUNCTION_MANIFEST, RUNTIME, type DeployedFunction } from '../cloudfunctions/functions.manifest';
import { loadConfig } from '../cloudfunctions/core/services/config';

export const DEPLOYED_FUNCTIONS = FUNCTION_MANIFEST.map((f) => f.name);
const root = resolve(__dirname, '..');

/** The config.json WeChat DevTools deploys with a function: its triggers and open-API grants, if any. */
export const platformConfigOf = (fn: DeployedFunction): object | null => {
  if (!fn.triggers && !fn.openapi) return null;
  return { ...(fn.openapi ? { permissions: { openapi: fn.openapi } } : {}), ...(fn.triggers ? { triggers: fn.triggers } : {}) };
};

/** Bundles one function; answers the output path and its size in bytes. */
export const bundleFunction = async (name: string, outRoot = join(root, 'dist/functions')) => {
  const fn = deployedFunction(name);
  const outfile = join(outRoot, name, 'index.js');
  mkdirSync(join(outRoot, name), { recursive: true });
  await build({
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: RUNTIME.esbuildTarget,
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // native or optional modules the CloudBase SDK never loads on the platform
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  const platformConfig = platformConfigOf(fn);
  if (platformConfig) writeFileSync(join(outRoot, name, 'config.json'), JSON.stringify(platformConfig, null, 2) + '\n');
  writeFileSync(join(outRoot, name, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true }, null, 2) + '\n');
  return { outfile, bytes: statSync(outfile).size };
};

/** The project's own source files a function's bundle is made of (packages left out). */
export const sourcesOf = async (name: string): Promise<string[]> => {
  deployedFunction(name);
  const { metafile } = await build({
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs).map((p) => resolve(root, p));
};

if (require.main === module) {
  (async () => {
    // the deploy renders cloudbaserc.json's {{env.X}} from this shell: refuse bad values before bundling
    loadConfig(process.env);
    for (const name of DEPLOYED_FUNCTIONS) {
      const { outfile, bytes } = await bundleFunction(name);
      console.log(`${name.padEnd(10)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB  ${outfile}`);
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
