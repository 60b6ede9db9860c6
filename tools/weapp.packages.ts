/**
 * What the WeChat build weighs, package by package: the main package (everything outside the
 * subpackage roots app.json declares), each subpackage, and the whole output. WeChat refuses an
 * upload whose main package or any subpackage is over 2 MB, or whose total is over 20 MB.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** WeChat's upload limits, in bytes (1 MB = 1024 KiB). */
export const WECHAT_LIMITS = { packageBytes: 2 * 1024 * 1024, totalBytes: 20 * 1024 * 1024 } as const;

export type FileSize = { path: string; bytes: number };
export type Package = { root: string; files: FileSize[]; bytes: number };
export type WeappPackages = { main: Package; subpackages: Package[]; total: Package };

/** Every file under a folder with its size, paths relative to the folder with forward slashes. */
export const filesUnder = (dir: string): FileSize[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .map((p) => ({ path: relative(dir, p).split(sep).join('/'), bytes: statSync(p).size }));

const packageOf = (root: string, files: FileSize[]): Package => ({ root, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) });

/** The subpackage roots app.json declares (either spelling), without trailing slashes. */
export const subpackageRoots = (weappDir: string): string[] => {
  const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/\/+$/, ''));
};

/** Splits the weapp output into its main package and subpackages. */
export const weappPackages = (weappDir: string): WeappPackages => {
  const files = filesUnder(weappDir);
  const roots = subpackageRoots(weappDir);
  const inRoot = (root: string) => (f: FileSize) => f.path === root || f.path.startsWith(`${root}/`);
  return {
    main: packageOf(
      '',
      files.filter((f) => !roots.some((r) => inRoot(r)(f))),
    ),
    subpackages: roots.map((r) => packageOf(r, files.filter(inRoot(r)))),
    total: packageOf('', files),
  };
};
