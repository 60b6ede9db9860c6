/**
 * Durability of the local gateway's SQLite store (WAL, synchronous = NORMAL): a submit the
 * gateway acknowledged survives `kill -9` of its process. The gateway runs in a child process;
 * submits go to it over HTTP, several in flight at once; the child is killed with SIGKILL in the
 * middle of them; then the file is opened again and every acknowledged request must be in it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createSqliteStore } from '../../cloudfunctions/core/stores/sqlite.store';
import { loadSampleItems } from '../../data/sample';
import { filledForm, validIdNumber } from '../support/sample.people';

const CHILD = join(__dirname, '..', 'support', 'gateway.child.ts');
const item = loadSampleItems().find((i) => i.level === 'township' && i.audience === 'person' && !i.lists.includes('taiping'))!;

const startChild = (dataDir: string): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), CHILD, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, url: (JSON.parse(line) as { url: string }).url }));
  });

const exited = (child: ChildProcess): Promise<NodeJS.Signals | null> => new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

it('keeps every submit the gateway acknowledged when its process is killed with SIGKILL mid-load', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-kill-'));
  const { child, url } = await startChild(dataDir);
  const gone = exited(child);
  const call = async (fn: string, action: string, data: unknown, token?: string) => {
    const res = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, data }),
    });
    return (await res.json()) as { ok: boolean; data?: any };
  };
  const login = await call('session', 'devLogin', { persona: 'resident', villageId: 'v-104-001' });
  const token = login.data.token as string;
  await call('session', 'bindResident', { name: '吴九', idNumber: validIdNumber('19720202', '202'), phone: '13805372020', homeVillageId: 'v-104-001' }, token);

  const acknowledged: string[] = [];
  let killed = false;
  const worker = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const answer = await call(
        'requests',
        'submit',
        { itemCode: item.code, intakeCenterId: 'ts-104', form: filledForm(item), materials: [], idempotencyKey: `kill-${w}-${i}-key` },
        token,
      ).catch(() => null);
      if (answer?.ok) acknowledged.push(answer.data.request.id);
      if (acknowledged.length >= 60 && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, (_, w) => worker(w)));
  expect(await gone).toBe('SIGKILL');

  const store = createSqliteStore({ path: join(dataDir, 'zoucheng.sqlite') });
  const missing = [];
  for (const id of acknowledged) if (!(await store.getRequest(id))) missing.push(id);
  await store.close();
  expect(acknowledged.length).toBeGreaterThanOrEqual(60);
  expect(missing).toEqual([]);
});
