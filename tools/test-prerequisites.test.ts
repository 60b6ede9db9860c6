import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { INSTALL_COMMAND, planFor, type Machine } from './test-prerequisites';

const fresh: Machine = { hasChromium: false, hasCjkFont: false, isRoot: true, hasAptGet: true };

describe('the pretest step (npm test failed on a fresh machine without Chromium)', () => {
  it('does nothing when Chromium and the CJK font are there', () => {
    expect(planFor({ ...fresh, hasChromium: true, hasCjkFont: true })).toEqual({ action: 'ready' });
    expect(planFor({ hasChromium: true, hasCjkFont: true, isRoot: false, hasAptGet: false })).toEqual({ action: 'ready' });
  });

  it('installs both Debian packages with apt-get when root on a fresh machine', () => {
    expect(planFor(fresh)).toEqual({ action: 'install', packages: ['chromium', 'fonts-wqy-microhei'] });
    expect(planFor({ ...fresh, hasChromium: true })).toEqual({ action: 'install', packages: ['chromium', 'fonts-wqy-microhei'] });
  });

  it('stops a user who is not root with the one command to run, naming what is missing', () => {
    const plan = planFor({ ...fresh, isRoot: false, hasCjkFont: true });
    expect(plan).toEqual({ action: 'stop', message: expect.stringContaining(`sudo sh -c '${INSTALL_COMMAND}'`) });
    expect(plan.action === 'stop' && plan.message).toMatch(/need chromium \(/);
  });

  it('stops root on a machine without apt-get with the command, rather than guessing another package manager', () => {
    expect(planFor({ ...fresh, hasAptGet: false })).toEqual({ action: 'stop', message: expect.stringContaining(INSTALL_COMMAND) });
  });

  it('passes on this machine, where the walks run (so npm test starts)', () => {
    const run = spawnSync('npx', ['tsx', join(__dirname, 'test-prerequisites.ts')], { cwd: join(__dirname, '..'), encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
