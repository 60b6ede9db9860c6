/**
 * The administrator searches the audit log by person, center, request and date, and exports it
 * as a spreadsheet that opens with the entries it found; on both stores.
 */
import ExcelJS from 'exceljs';
import { makeHarness, type Harness, type StoreKind } from '../support/harness';

describe.each<StoreKind>(['sqlite', 'cloudbase'])('the audit log on the %s store', (kind) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await makeHarness(kind, '2026-12-01T02:00:00.000Z');
    admin = await h.login('admin');
    await h.ok('admin', 'createInvite', { grant: { role: 'clerk', centerId: 'v-101-001' } }, admin);
    h.clock.set('2026-12-03T02:00:00.000Z');
    await h.ok('admin', 'createInvite', { grant: { role: 'clerk', centerId: 'ts-101' } }, admin);
    h.clock.advanceHours(1); // entries of one instant have no order between them on CloudBase
    const { code } = await h.ok('admin', 'createInvite', { grant: { role: 'clerk', centerId: 'ts-101' } }, admin);
    h.clock.advanceHours(1);
    await h.ok('session', 'redeemInvite', { code }, 'wx-audit');
    h.clock.advanceHours(1);
  });
  afterAll(() => h.close());

  const actions = (list: { items: { action: string }[] }) => list.items.map((e) => e.action);

  it('finds entries by the person who acted, the center and the China date, newest first', async () => {
    expect(actions(await h.ok('admin', 'auditLog', { actorId: 'wx-audit' }, admin))).toEqual(['invite.redeem']);
    expect(actions(await h.ok('admin', 'auditLog', { centerId: 'ts-101' }, admin))).toEqual(['invite.redeem', 'invite.create', 'invite.create']);
    expect(actions(await h.ok('admin', 'auditLog', { centerId: 'v-101-001', from: '2026-12-01', to: '2026-12-01' }, admin))).toEqual(['invite.create']);
    expect((await h.ok('admin', 'auditLog', { from: '2026-12-02', to: '2026-12-02' }, admin)).total).toBe(0);
    expect(await h.call('admin', 'auditLog', { from: '2026-12-03', to: '2026-12-01' }, admin)).toMatchObject({
      ok: false,
      error: { fields: { to: '结束日期不能早于开始日期' } },
    });
  });

  it('exports a search as an XLSX whose rows are the entries found, and the export is itself audited', async () => {
    const out = await h.ok('admin', 'exportAudit', { centerId: 'ts-101' }, admin);
    expect(out).toMatchObject({ rows: 3, truncated: false, fileName: expect.stringMatching(/^审计日志-.*\.xlsx$/) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '时间', '操作', '操作人', '角色', '服务中心', '办件编号', '状态变化', '说明']);
    expect(sheet.getRow(2).getCell(1).value).toBe('2026-12-03 12:00');
    expect(sheet.getRow(2).getCell(2).value).toBe('invite.redeem');
    expect(sheet.rowCount).toBe(4);
    h.clock.advanceHours(1);
    const mine = await h.ok('admin', 'auditLog', { actorId: admin, pageSize: 100 }, admin);
    expect(actions(mine)).toContain('audit.export');
  });

  it('only an administrator may read the audit log', async () => {
    const clerk = await h.login('clerk', { centerId: 'ts-101' });
    expect(await h.call('admin', 'auditLog', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('admin', 'exportAudit', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
