/**
 * `npm run cloudbase:config`: writes cloudbaserc.json from the function manifest
 * (cloudfunctions/functions.manifest.ts), so the deployed runtime, limits, variables and
 * triggers are written once. tools/cloudbase-config.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FUNCTION_MANIFEST, RUNTIME } from '../cloudfunctions/functions.manifest';

export const CLOUDBASERC_PATH = join(resolve(__dirname, '..'), 'cloudbaserc.json');

/** cloudbaserc.json as the manifest describes it; each variable is passed through from the deploying shell. */
export const cloudbaseConfig = () => ({
  version: '2.0',
  envId: '{{env.TCB_ENV_ID}}',
  functionRoot: './dist/functions',
  functions: FUNCTION_MANIFEST.map((f) => ({
    name: f.name,
    runtime: RUNTIME.cloudbase,
    handler: 'index.main',
    installDependency: false,
    timeout: f.timeout,
    memorySize: f.memorySize,
    ...('triggers' in f ? { triggers: f.triggers } : {}),
    ...(f.env.length ? { envVariables: Object.fromEntries(f.env.map((k) => [k, `{{env.${k}}}`])) } : {}),
  })),
  // HTTP-triggered functions and their access paths; `tcb service create -p <path> -f <name>` creates each route
  servicePaths: Object.fromEntries(FUNCTION_MANIFEST.flatMap((f) => ('httpPath' in f ? [[f.name, f.httpPath]] : []))),
});

/** The file's text: two-space JSON with a final newline. */
export const cloudbaseConfigText = (): string => JSON.stringify(cloudbaseConfig(), null, 2) + '\n';

if (require.main === module) {
  writeFileSync(CLOUDBASERC_PATH, cloudbaseConfigText());
  console.log(`wrote ${CLOUDBASERC_PATH}`);
}
