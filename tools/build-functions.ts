/**
 * Bundles each deployed cloud function with esbuild into one self-contained
 * dist/functions/<name>/index.js exporting `main` (CloudBase: installDependency false).
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DEPLOYED_FUNCTIONS = ['session', 'directory', 'requests', 'clerk', 'messages', 'admin', 'scheduler'] as const;
const root = resolve(__dirname, '..');

/** Bundles one entry file as a deployed function is bundled; answers the output path and its size in bytes. */
export const bundleEntry = async (entry: string, outfile: string) => {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // native or optional modules the CloudBase SDK never loads on the platform
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  return { outfile, bytes: statSync(outfile).size };
};

/** Bundles one function; answers the output path and its size in bytes. */
export const bundleFunction = async (name: string, outRoot = join(root, 'dist/functions')) => {
  mkdirSync(join(outRoot, name), { recursive: true });
  const bundled = await bundleEntry(join(root, 'cloudfunctions', name, 'index.ts'), join(outRoot, name, 'index.js'));
  const config = join(root, 'cloudfunctions', name, 'config.json');
  if (existsSync(config)) copyFileSync(config, join(outRoot, name, 'config.json'));
  writeFileSync(join(outRoot, name, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true }, null, 2) + '\n');
  return bundled;
};

if (require.main === module) {
  (async () => {
    for (const name of DEPLOYED_FUNCTIONS) {
      const { outfile, bytes } = await bundleFunction(name);
      console.log(`${name.padEnd(10)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB  ${outfile}`);
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
