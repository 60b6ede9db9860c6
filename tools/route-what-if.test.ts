import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildDirectory } from '../shared/directory';
import { applicantOf, parseWhatIfArgs, runWhatIf } from './route-what-if.cli';
import { CENTERS, ITEMS } from '../tests/fixtures/routing.fixture';

const dir = buildDirectory(CENTERS);
const items = Object.values(ITEMS);
const parsed = (argv: string[]) => {
  const r = parseWhatIfArgs(argv);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
};
const refusal = (argv: string[]) => {
  const r = parseWhatIfArgs(argv);
  return r.ok ? null : r.error.code;
};

describe('route what-if arguments', () => {
  it('an item and a village describe a resident of that village', () => {
    expect(applicantOf(parsed(['C-0001', 'v-001-001']))).toEqual({ type: 'person', homeVillageId: 'v-001-001', position: undefined });
  });

  it('--company makes the applicant a company and the village optional', () => {
    expect(applicantOf(parsed(['Z-0001', '--company', 'zone']))).toMatchObject({ type: 'company', location: 'zone' });
    expect(applicantOf(parsed(['C-0001', '--company', '107']))).toMatchObject({ location: { townshipCode: '107' } });
  });

  it('--near gives the applicant a position', () => {
    expect(parsed(['C-0001', 'v-001-001', '--near', '35.41,116.97']).near).toEqual({ lat: 35.41, lng: 116.97 });
  });

  it('missing, malformed and unknown arguments are usage errors', () => {
    expect(refusal([])).toBe('VALIDATION_FAILED');
    expect(refusal(['C-0001'])).toBe('VALIDATION_FAILED');
    expect(refusal(['C-0001', 'v-001-001', '--near', '35.41'])).toBe('VALIDATION_FAILED');
    expect(refusal(['C-0001', 'v-001-001', '--near', '135,116'])).toBe('VALIDATION_FAILED');
    expect(refusal(['C-0001', '--company', '999'])).toBe('VALIDATION_FAILED');
    expect(refusal(['C-0001', '--company'])).toBe('VALIDATION_FAILED');
    expect(refusal(['C-0001', 'v-001-001', '--fast'])).toBe('VALIDATION_FAILED');
    expect(refusal(['C-0001', 'v-001-001', 'extra'])).toBe('VALIDATION_FAILED');
  });
});

describe('route what-if outcomes', () => {
  it('a routable case prints the decision as JSON and exits 0', () => {
    const out = runWhatIf(['C-0001', 'v-001-001'], items, dir);
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({
      rule: 'CITY',
      decider: { id: 'city' },
      intake: [{ center: { id: 'v-001-001' } }, { center: { id: 'city' } }],
    });
  });

  it('an unknown item or village is a usage error with its code, exit 2', () => {
    expect(runWhatIf(['NOPE-1', 'v-001-001'], items, dir)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('ITEM_NOT_FOUND') });
    expect(runWhatIf(['C-0001', 'ts-001'], items, dir)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('CENTER_NOT_FOUND') });
  });

  it('a case with no route explains why in Chinese and exits 1', () => {
    const out = runWhatIf(['E-0001', 'v-001-001'], items, dir);
    expect(out).toMatchObject({ exitCode: 1, stdout: '' });
    expect(out.stderr).toContain('这个事项不面向您这类申请人办理（NO_ROUTE_AUDIENCE）');
  });
});

describe('the route script over the sample data', () => {
  const script = join(__dirname, 'route-what-if.ts');
  const run = (args: string[]) => spawnSync('npx', ['tsx', script, ...args], { cwd: join(__dirname, '..'), encoding: 'utf8' });

  it('answers a real sample case and refuses a bad one', async () => {
    const { loadSampleCenters, loadSampleItems } = await import('../data/sample');
    const [centers, sampleItems] = await Promise.all([loadSampleCenters(), loadSampleItems()]);
    const village = centers.find((c) => c.kind === 'village') as { id: string };
    const item = sampleItems.find((i) => i.level === 'township' && i.audience !== 'company') as { code: string };
    const good = run([item.code, village.id, '--near', '35.40,116.97']);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ rule: expect.any(String), decider: { kind: expect.any(String) } });
    const bad = run([item.code]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('VALIDATION_FAILED');
  });
});
