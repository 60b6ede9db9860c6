/** cloudbaserc.json is the manifest's deployment, not a second list kept by hand. */
import { readFileSync } from 'node:fs';
import { CLOUDBASERC_PATH, cloudbaseConfig } from './cloudbase-config';
import { RUNTIME } from '../cloudfunctions/functions.manifest';

it('matches the function manifest (run npm run cloudbase:config after changing it)', () => {
  expect(JSON.parse(readFileSync(CLOUDBASERC_PATH, 'utf8'))).toEqual(cloudbaseConfig());
});

it('deploys every function on Node.js 20, the version the bundles target', () => {
  const { functions } = cloudbaseConfig();
  expect(new Set(functions.map((f) => f.runtime))).toEqual(new Set(['Nodejs20.19']));
  expect(RUNTIME.esbuildTarget).toBe('node20');
  expect(functions.every((f) => f.installDependency === false && f.handler === 'index.main')).toBe(true);
});
