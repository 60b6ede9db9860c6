/**
 * After a roster and an evidence import through the local gateway, and a matching pass, no raw
 * ID number and no full name is anywhere in the data folder's files (the SQLite database, its
 * WAL, the key file, uploads) or in the gateway's log lines: only keyed hashes and masks.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway } from '../../gateway/server';
import { writeCsv } from '../../cloudfunctions/core/services/import.files';
import { validIdNumber } from '../support/sample.people';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });

it('no raw ID number or full name is in the database files or the logs after a roster and an evidence import', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-certify-privacy-'));
  const lines: string[] = [];
  const gw = await startGateway({ port: 0, checkOutput: true, dataDir, log: (l) => lines.push(l), logError: (r) => lines.push(r), schedulerIntervalMs: 0 });
  const ids = Array.from({ length: 40 }, (_, i) => validIdNumber(`19${40 + (i % 30)}0315`, String(200 + i)));
  const names = ids.map((_, i) => `测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三四'[i % 4]}`);
  const call = async (fn: string, action: string, data: unknown, token?: string) => {
    const res = await fetch(`${gw.url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, data }),
    });
    const json = (await res.json()) as { ok: boolean; data: any; error?: { code: string } };
    if (!json.ok) throw new Error(`${fn}.${action}: ${json.error?.code}`);
    return json.data;
  };
  try {
    const { token } = await call('session', 'devLogin', { persona: 'admin' });
    const roster = writeCsv({
      header: ['身份证号', '姓名', '认证项目', '村居编号', '认证期开始'],
      rows: ids.map((id, i) => [id, names[i], i % 2 ? '高龄津贴' : '城乡居民养老保险待遇领取', 'v-101-001', '2026-01-01']),
    });
    const evidence = writeCsv({ header: ['身份证号', '来源', '日期'], rows: ids.slice(0, 28).map((id) => [id, '医保结算', '2026-06-01']) });
    for (const [action, bytes, name] of [
      ['importRoster', roster, 'roster.csv'],
      ['importEvidence', evidence, 'evidence.csv'],
    ] as const) {
      const file = { name, dataBase64: bytes.toString('base64') };
      const dry = await call('certify', action, { file }, token);
      // the report names people by a masked ID only (its hex hashes may hold long digit runs)
      const said = JSON.stringify(dry);
      for (const id of ids) expect(said).not.toContain(id);
      await call('certify', action, { file, dryRun: false, confirmHash: dry.fileHash }, token);
    }
    const { report } = await call('certify', 'runPass', {}, token);
    expect(report.silent).toBe(28);
  } finally {
    await gw.close();
  }
  const files = filesUnder(dataDir);
  expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
  const bytes = files.map((f) => readFileSync(f));
  const log = lines.join('\n');
  for (const [i, id] of ids.entries()) {
    for (const b of bytes) {
      expect(b.includes(Buffer.from(id, 'utf8'))).toBe(false);
      expect(b.includes(Buffer.from(names[i], 'utf8'))).toBe(false);
    }
    expect(log).not.toContain(id);
    expect(log).not.toContain(names[i]);
  }
  expect(lines.some((l) => l.includes('certify.importRoster'))).toBe(true);
}, 60_000);
