/**
 * `npm test`'s pretest step: the end-to-end walks need the system Chromium and a CJK font
 * (Debian packages; a browser is never downloaded). When either is missing, root installs both
 * with apt-get; anyone else is told the one command to run, and the tests do not start.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../tests/support/browser';

/** The Debian packages the walks need. */
export const PACKAGES = ['chromium', 'fonts-wqy-microhei'] as const;

/** The one command that installs them. */
export const INSTALL_COMMAND = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;

/** What this machine has, as the plan reads it. */
export type Machine = { hasChromium: boolean; hasCjkFont: boolean; isRoot: boolean; hasAptGet: boolean };

/** What to do about it: nothing, install as root, or stop with the command for the user to run. */
export type Plan = { action: 'ready' } | { action: 'install'; packages: string[] } | { action: 'stop'; message: string };

/** Decides from what is there and who runs the tests. */
export const planFor = (m: Machine): Plan => {
  const missing = [...(m.hasChromium ? [] : ['chromium']), ...(m.hasCjkFont ? [] : ['fonts-wqy-microhei'])];
  if (!missing.length) return { action: 'ready' };
  if (m.isRoot && m.hasAptGet) return { action: 'install', packages: [...PACKAGES] };
  const run = m.isRoot ? INSTALL_COMMAND : `sudo sh -c '${INSTALL_COMMAND}'`;
  return { action: 'stop', message: `The end-to-end tests need ${missing.join(' and ')} (Debian packages). Run:\n  ${run}\nthen npm test again.` };
};

const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** Whether fontconfig knows the WenQuanYi font (or its file is where Debian puts it). */
const hasCjkFont = (): boolean => {
  if (existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) return true;
  if (!onPath('fc-list')) return false;
  return /wqy|wenquanyi/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
};

/** Looks at this machine. */
export const inspectMachine = (): Machine => ({
  hasChromium: existsSync(CHROMIUM_PATH),
  hasCjkFont: hasCjkFont(),
  isRoot: process.getuid?.() === 0,
  hasAptGet: onPath('apt-get'),
});

const install = (packages: string[]): boolean => {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`pretest: installing ${packages.join(' ')} with apt-get`);
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  return update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env }).status === 0;
};

/** Runs the plan; answers the exit code. */
export const ensureTestPrerequisites = (m: Machine = inspectMachine()): number => {
  const plan = planFor(m);
  if (plan.action === 'ready') return 0;
  if (plan.action === 'stop') {
    console.error(`pretest: ${plan.message}`);
    return 1;
  }
  if (install(plan.packages) && planFor(inspectMachine()).action === 'ready') return 0;
  console.error(`pretest: apt-get could not install ${plan.packages.join(' ')}. Run:\n  ${INSTALL_COMMAND}`);
  return 1;
};

if (require.main === module) process.exit(ensureTestPrerequisites());
