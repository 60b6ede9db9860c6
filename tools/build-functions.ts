/**
 * Bundles each deployed cloud function of the manifest (cloudfunctions/functions.manifest.ts)
 * with esbuild into one self-contained dist/functions/<name>/index.js exporting `main`
 * (CloudBase: installDependency false), beside the config.json of its trigger and open-API grants
 * and a bundle of each package the manifest says it loads later.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deployedFunction, FUNCTION_MANIFEST, RUNTIME, type DeployedFunction } from '../cloudfunctions/functions.manifest';
import { loadConfig } from '../cloudfunctions/core/services/config';

export const DEPLOYED_FUNCTIONS = FUNCTION_MANIFEST.map((f) => f.name);
const root = resolve(__dirname, '..');

/** The config.json WeChat DevTools deploys with a function: its triggers and open-API grants, if any. */
export const platformConfigOf = (fn: DeployedFunction): object | null => {
  if (!fn.triggers && !fn.openapi) return null;
  return { ...(fn.openapi ? { permissions: { openapi: fn.openapi } } : {}), ...(fn.triggers ? { triggers: fn.triggers } : {}) };
};

/** How every bundle is built: one minified CommonJS file for the platform's Node.js. */
const BUILD: BuildOptions = {
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
};

/** The file a package the manifest loads later is bundled into, beside index.js. */
const laterFile = (pkg: string) => `${pkg.replace(/[^a-z0-9.-]/gi, '_')}.js`;

const exactly = (pkg: string) => new RegExp(`^${pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);

/** Resolves each package loaded later to its own file, which the function's bundle then requires at run time. */
const loadLaterPlugin = (packages: readonly string[]): Plugin => ({
  name: 'load-later',
  setup(b) {
    for (const pkg of packages) b.onResolve({ filter: exactly(pkg) }, () => ({ path: `./${laterFile(pkg)}`, external: true }));
  },
});

/**
 * Bundles one entry file as a deployed function is bundled, each package in `loadLater` into
 * a file of its own beside it; answers the output path and size in bytes, and each later file's.
 */
export const bundleEntry = async (entry: string, outfile: string, loadLater: readonly string[] = []) => {
  const later: { pkg: string; bytes: number }[] = [];
  for (const pkg of loadLater) {
    const file = join(dirname(outfile), laterFile(pkg));
    await build({ ...BUILD, entryPoints: [require.resolve(pkg)], outfile: file });
    later.push({ pkg, bytes: statSync(file).size });
  }
  await build({ ...BUILD, entryPoints: [entry], outfile, plugins: [loadLaterPlugin(loadLater)] });
  return { outfile, bytes: statSync(outfile).size, later };
};

/** Bundles one function; answers the output path, its size in bytes and the sizes of the files it loads later. */
export const bundleFunction = async (name: string, outRoot = join(root, 'dist/functions')) => {
  const fn = deployedFunction(name);
  mkdirSync(join(outRoot, name), { recursive: true });
  const bundled = await bundleEntry(join(root, 'cloudfunctions', name, 'index.ts'), join(outRoot, name, 'index.js'), fn.loadLater);
  const platformConfig = platformConfigOf(fn);
  if (platformConfig) writeFileSync(join(outRoot, name, 'config.json'), JSON.stringify(platformConfig, null, 2) + '\n');
  writeFileSync(join(outRoot, name, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true }, null, 2) + '\n');
  return bundled;
};

/**
 * The package files of which a function's bundle carries some code, built as bundleFunction builds
 * it (the packages it loads later left out), as paths from node_modules: `zod/v4/core/schemas.js`, ….
 */
export const packagesOf = async (name: string): Promise<string[]> => {
  const fn = deployedFunction(name);
  const { metafile } = await build({
    ...BUILD,
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    outfile: join(root, 'dist/functions', name, 'index.js'),
    write: false,
    metafile: true,
    plugins: [loadLaterPlugin(fn.loadLater ?? [])],
    logLevel: 'silent',
  });
  // the files of which some code is in the output (esbuild also lists what it read and shook out)
  const kept = Object.values(metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([p]) => p),
  );
  return kept.flatMap((p) => {
    const at = p.lastIndexOf('node_modules/');
    return at === -1 ? [] : [p.slice(at + 'node_modules/'.length)];
  });
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
