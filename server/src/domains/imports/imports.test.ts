import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeTeam, uniq } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { runImport, uploadImport } from './import-test-steps.js';
import { isRunning, type JobRow, STALE_AFTER_MS, writeLeaseSeconds } from './import-store.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const names = async (client: Client, q: string) =>
  (await client.get(`/api/v1/customers?q=${encodeURIComponent(q)}&pageSize=100`)).body.items.map((c: { name: string }) => c.name).sort();

describe('imports (C10)', () => {
  it('suggests a mapping from the headings, dry-runs without writing, then imports the good rows and reports the bad', async () => {
    const team = await makeTeam(t.app, t.db);
    const tag = uniq('导入');
    await makeCustomer(team.repA, { name: `${tag}老客户有限公司` });
    const csv = [
      '客户名称,行业,客户等级,公司电话,重点客户,信用额度,负责人,标签,无关列',
      `${tag}甲有限公司,制造业,,021-1000,是,"¥12,000.50",,华东、大客户,x`,
      `${tag}乙有限公司,金融,,,否,3万,,,x`,
      `,制造业,,,,,,,x`,
      `${tag}丙有限公司,卖菜的,,,,,,,x`,
      `${tag}老客户股份有限公司,,,,,,,,x`,
      `${tag}甲有限公司,,,,,,,,x`,
      `${tag}丁有限公司,,,,,abc,,,x`,
    ].join('\r\n');
    const up = await uploadImport(team.repA, 'customers', '客户.csv', `\uFEFF${csv}`);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.format).toBe('csv');
    expect(up.body.headers).toHaveLength(9);
    expect(up.body.sample).toHaveLength(5);
    expect(up.body.suggestedMapping).toEqual(['name', 'industry', 'grade', 'phone', 'isKey', 'creditLimit', 'ownerId', 'tags', null]);
    expect(up.body.fields.find((f: { key: string }) => f.key === 'name')).toMatchObject({ label: '客户名称', required: true });

    const dry = await runImport(team.repA, up.body.id, { mapping: up.body.suggestedMapping, dryRun: true });
    expect(dry).toMatchObject({ status: 'checked', rowsRead: 7, okRows: 2, errorRows: 5, duplicateRows: 2, progress: 100 });
    expect(await names(team.repA, tag)).toEqual([`${tag}老客户有限公司`]);

    const errors = (await team.repA.get(`/api/v1/imports/${up.body.id}/errors`)).body;
    expect(errors.total).toBe(5);
    expect(errors.items.map((e: { row: number }) => e.row)).toEqual([4, 5, 6, 7, 8]);
    expect(errors.items[0].message).toBe('客户名称：必填');
    expect(errors.items[1].message).toBe('行业：不是有效的选项');
    expect(errors.items[2].message).toBe('客户名称：系统里已有，未导入');
    expect(errors.items[3].message).toBe('客户名称：和文件里前面的行重复，未导入');
    expect(errors.items[4].message).toContain('信用额度');

    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${up.body.id}/errors.csv`,
      headers: { cookie: team.repA.cookie },
    });
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('客户名称,行业,客户等级,公司电话,重点客户,信用额度,负责人,标签,无关列,行号,错误原因');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toContain(',5,行业：不是有效的选项');

    const done = await runImport(team.repA, up.body.id, { mapping: up.body.suggestedMapping });
    expect(done).toMatchObject({ status: 'done', okRows: 2, errorRows: 5 });
    const list = (await team.repA.get(`/api/v1/customers?q=${encodeURIComponent(`${tag}甲`)}`)).body.items;
    expect(list[0]).toMatchObject({
      industry: 'manufacturing',
      phone: '021-1000',
      isKey: true,
      creditLimit: '12000.50',
      tags: ['华东', '大客户'],
    });
    expect(list[0].ownerId).toBe(team.repA.userId);
    const yi = (await team.repA.get(`/api/v1/customers?q=${encodeURIComponent(`${tag}乙`)}`)).body.items[0];
    expect(yi.creditLimit).toBe('30000.00');
    const history = (await team.repA.get(`/api/v1/customers/${list[0].id}/history`)).body;
    expect(JSON.stringify(history)).toContain('import');

    // A finished import is not run twice.
    const again = await team.repA.post(`/api/v1/imports/${up.body.id}/run`, { mapping: up.body.suggestedMapping });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('IMPORT_DONE');
  });

  it('strict mode writes nothing when any row is bad, and everything when all are good', async () => {
    const team = await makeTeam(t.app, t.db);
    const tag = uniq('严格');
    const bad = await uploadImport(team.repB, 'customers', 'a.csv', `客户名称,信用额度\n${tag}一公司,100\n${tag}二公司,很多\n`);
    const rejected = await runImport(team.repB, bad.body.id, { mapping: ['name', 'creditLimit'], mode: 'strict' });
    expect(rejected).toMatchObject({ status: 'rejected', okRows: 0, errorRows: 1 });
    expect(await names(team.repB, tag)).toEqual([]);

    const good = await uploadImport(team.repB, 'customers', 'b.csv', `客户名称,信用额度\n${tag}一公司,100\n${tag}二公司,200\n`);
    const done = await runImport(team.repB, good.body.id, { mapping: ['name', 'creditLimit'], mode: 'strict' });
    expect(done).toMatchObject({ status: 'done', okRows: 2, errorRows: 0 });
    expect(await names(team.repB, tag)).toEqual([`${tag}一公司`, `${tag}二公司`]);
  });

  it('keeps a long strict write pass reported as running under its lease, and as interrupted once it lapses', () => {
    expect(writeLeaseSeconds(1_000)).toBe(120);
    expect(writeLeaseSeconds(200_000)).toBe(1_000);
    const start = Date.parse('2026-12-04T08:00:00Z');
    // The lease set before the write pass: heartbeat = start + lease for 100,000 rows (500 s).
    const row = { status: 'importing', heartbeat_at: new Date(start + writeLeaseSeconds(100_000) * 1000) } as JobRow;
    expect(isRunning(row, start + 7 * 60_000)).toBe(true);
    expect(isRunning(row, start + 500_000 + STALE_AFTER_MS + 1)).toBe(false);
  });

  it('assigns owners by name within the importer’s scope only, and allows phone duplicates when asked', async () => {
    const team = await makeTeam(t.app, t.db);
    const tag = uniq('分配');
    const me = (await team.repB.get('/api/v1/auth/me')).body;
    const south = (await team.repSouth.get('/api/v1/auth/me')).body;
    await makeCustomer(team.repA, { name: `${tag}已有公司`, phone: '400-1234' });
    const csv = `客户名称,负责人,电话\n${tag}一公司,${me.displayName},400-1234\n${tag}二公司,${south.username},\n`;
    const up = await uploadImport(team.eastManager, 'customers', 'c.csv', csv);
    const done = await runImport(team.eastManager, up.body.id, { mapping: ['name', 'ownerId', 'phone'], duplicates: 'allow' });
    expect(done).toMatchObject({ status: 'done', okRows: 1, errorRows: 1, duplicateRows: 0 });
    const errors = (await team.eastManager.get(`/api/v1/imports/${up.body.id}/errors`)).body.items;
    expect(errors[0].message).toBe('负责人：找不到这位同事，或不能分配给他');
    expect(await names(team.repB, tag)).toEqual([`${tag}一公司`]);
  });

  it('reads GB18030 CSV from Excel and XLSX; contacts attach to visible customers by name', async () => {
    const team = await makeTeam(t.app, t.db);
    const tag = uniq('联系');
    const mine = await makeCustomer(team.repA, { name: `${tag}甲公司` });
    await makeCustomer(team.repSouth, { name: `${tag}南方公司` });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('联系人');
    sheet.addRow(['姓名', '所属客户', '手机', '邮箱', '生日', '主要联系人']);
    sheet.addRow(['张三', `${tag}甲公司`, '13800000001', 'zhang@example.com', new Date(Date.UTC(1985, 4, 6)), '是']);
    sheet.addRow(['李四', `${tag}南方公司`, '13800000002', '', '', '']);
    sheet.addRow(['王五', `${tag}甲公司`, '13800000001', 'not-an-email', '1990/2/3', '']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const up = await uploadImport(team.repA, 'contacts', '联系人.xlsx', xlsx, XLSX);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.format).toBe('xlsx');
    expect(up.body.suggestedMapping).toEqual(['name', 'customerId', 'mobile', 'email', 'birthday', 'isPrimary']);
    const done = await runImport(team.repA, up.body.id, { mapping: up.body.suggestedMapping });
    expect(done).toMatchObject({ status: 'done', okRows: 1, errorRows: 2 });
    const errors = (await team.repA.get(`/api/v1/imports/${up.body.id}/errors`)).body.items;
    expect(errors[0].message).toBe('所属客户：找不到这个客户，或不在您的权限范围内');
    expect(errors[1].message).toBe('邮箱：邮箱格式不正确');
    const contacts = (await team.repA.get(`/api/v1/contacts?customerId=${mine.id}`)).body.items;
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ name: '张三', birthday: '1985-05-06', isPrimary: true, ownerId: team.repA.userId });

    // Excel saves CSV as GBK in a Chinese locale: "姓名,所属客户" / "赵六,<hex>甲公司".
    const hex = uniq();
    const gbkCustomer = await makeCustomer(team.repA, { name: `${hex}甲公司` });
    const gbk = Buffer.from(
      new Uint8Array([
        ...[0xd0, 0xd5, 0xc3, 0xfb], // 姓名
        0x2c,
        ...[0xcb, 0xf9, 0xca, 0xf4, 0xbf, 0xcd, 0xbb, 0xa7], // 所属客户
        0x0a,
        ...[0xd5, 0xd4, 0xc1, 0xf9], // 赵六
        0x2c,
        ...Buffer.from(hex),
        ...[0xbc, 0xd7, 0xb9, 0xab, 0xcb, 0xbe], // 甲公司
        0x0a,
      ]),
    );
    const up2 = await uploadImport(team.repA, 'contacts', 'excel.csv', gbk);
    expect(up2.body.headers).toEqual(['姓名', '所属客户']);
    const done2 = await runImport(team.repA, up2.body.id, { mapping: up2.body.suggestedMapping });
    expect(done2).toMatchObject({ status: 'done', okRows: 1 });
    const after = (await team.repA.get(`/api/v1/contacts?customerId=${gbkCustomer.id}`)).body.items;
    expect(after.map((c: { name: string }) => c.name)).toEqual(['赵六']);
  });

  it('imports leads and skips companies that are already customers', async () => {
    const team = await makeTeam(t.app, t.db);
    const tag = uniq('线索');
    await makeCustomer(team.repA, { name: `${tag}已成交有限公司` });
    const csv = `公司名称,联系人,手机,来源\n${tag}新公司,周七,13900000001,展会\n${tag}已成交公司,吴八,,\n`;
    const up = await uploadImport(team.repA, 'leads', 'leads.csv', csv);
    const done = await runImport(team.repA, up.body.id, { mapping: up.body.suggestedMapping });
    expect(done).toMatchObject({ status: 'done', okRows: 1, errorRows: 1, duplicateRows: 1 });
    const leads = (await team.repA.get(`/api/v1/leads?q=${encodeURIComponent(tag)}`)).body.items;
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ contactName: '周七', source: 'exhibition', status: 'new' });
  });

  it('refuses bad input with clear errors and keeps jobs private', async () => {
    const team = await makeTeam(t.app, t.db);
    const empty = await uploadImport(team.repA, 'customers', 'empty.csv', '');
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('IMPORT_EMPTY');
    expect((await uploadImport(team.repA, 'orders', 'x.csv', 'a\n1')).status).toBe(400);

    const up = await uploadImport(team.repA, 'customers', 'x.csv', '名称,备注\n甲,乙\n');
    expect(up.body.suggestedMapping).toEqual([null, 'remarks']);
    const missing = await team.repA.post(`/api/v1/imports/${up.body.id}/run`, { mapping: [null, 'remarks'] });
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toContain('客户名称');
    const unknown = await team.repA.post(`/api/v1/imports/${up.body.id}/run`, { mapping: ['name', 'salary'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields['mapping.1']).toBeDefined();
    const tooWide = await team.repA.post(`/api/v1/imports/${up.body.id}/run`, { mapping: ['name', null, null] });
    expect(tooWide.status).toBe(400);

    expect((await team.repB.get(`/api/v1/imports/${up.body.id}`)).status).toBe(404);
    expect((await team.repB.post(`/api/v1/imports/${up.body.id}/run`, { mapping: ['name', null] })).status).toBe(404);
    expect((await team.repA.get('/api/v1/imports')).body.items.map((j: { id: string }) => j.id)).toContain(up.body.id);
  });

  it('streams a 100,000-row file through a dry run', async () => {
    const team = await makeTeam(t.app, t.db);
    const tag = uniq('大');
    const lines = ['客户名称,公司电话'];
    for (let i = 0; i < 100_000; i++) lines.push(`${tag}客户${i}有限公司,0571-${i}`);
    const up = await uploadImport(team.repA, 'customers', 'big.csv', lines.join('\n'));
    expect(up.status).toBe(201);
    const dry = await runImport(team.repA, up.body.id, { mapping: ['name', 'phone'], dryRun: true });
    expect(dry).toMatchObject({ status: 'checked', rowsRead: 100_000, okRows: 100_000, errorRows: 0 });
  }, 120_000);
});
