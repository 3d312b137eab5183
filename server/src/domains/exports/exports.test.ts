import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeContact, makeCustomer, makeTeam } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function download(client: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
  return res;
}
const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

describe('exports (C9/C10)', () => {
  it("exports the caller's list view as CSV: same filters, same scope, picklist labels, a BOM for Excel", async () => {
    const team = await makeTeam(t.app, t.db);
    await makeCustomer(team.repA, { name: '导出测试甲有限公司', industry: 'manufacturing', remarks: '含,逗号和"引号"' });
    await makeCustomer(team.repA, { name: '导出测试乙有限公司', industry: 'finance' });
    await makeCustomer(team.repB, { name: '导出测试丙有限公司', industry: 'manufacturing' });
    // A manager may export; his view is his department's customers, filtered by industry.
    const res = await download(
      team.eastManager,
      '/api/v1/exports/customers?format=csv&industry=manufacturing&q=%E5%AF%BC%E5%87%BA%E6%B5%8B%E8%AF%95',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(res.body.startsWith('\uFEFF客户名称,简称,行业')).toBe(true);
    const rows = csvRows(res.body);
    expect(rows).toHaveLength(3);
    const body = rows.slice(1).join('\n');
    expect(body).toContain('导出测试甲有限公司');
    expect(body).toContain('导出测试丙有限公司');
    expect(body).not.toContain('导出测试乙有限公司');
    expect(body).toContain('制造业');
    expect(body).toContain('"含,逗号和""引号"""');

    // The rep's own view holds only his customers.
    const mine = csvRows((await download(team.repB, '/api/v1/exports/contacts?format=csv')).body);
    expect(mine).toHaveLength(1);
  });

  it('needs the export permission (a rep has none: 403) and writes who exported what into history', async () => {
    const team = await makeTeam(t.app, t.db);
    await makeCustomer(team.repA);
    const refused = await download(team.repA, '/api/v1/exports/customers');
    expect(refused.statusCode).toBe(403);
    const ok = await download(team.director, '/api/v1/exports/leads?format=csv&status=new');
    expect(ok.statusCode).toBe(200);
    // Written once the file has been sent: wait for it briefly.
    let history = await historyRows(t.db, 'user', team.director.userId);
    for (let i = 0; i < 20 && !history.some((h) => h.action === 'export'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      history = await historyRows(t.db, 'user', team.director.userId);
    }
    expect(history.find((h) => h.action === 'export')).toMatchObject({
      field: 'leads',
      new_value: expect.objectContaining({ format: 'csv', filters: { status: 'new' }, rows: expect.any(Number) }),
    });
  });

  it('writes an XLSX that opens with the same rows', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA, { name: '表格导出有限公司' });
    await makeContact(team.repA, c.id, { name: '陈表格', mobile: '13700001234' });
    const res = await download(team.eastManager, `/api/v1/exports/contacts?format=xlsx&customerId=${c.id}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet.getRow(2).getCell(1).value).toBe('陈表格');
    expect(sheet.getRow(2).getCell(2).value).toBe('表格导出有限公司');
    expect(sheet.rowCount).toBe(2);
  });

  it('refuses a bad filter or format with 400', async () => {
    const team = await makeTeam(t.app, t.db);
    const res = await download(team.director, '/api/v1/exports/customers?format=pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('format');
  });
});
