import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, screenshot, signIn, signOut } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const ADMIN_PASSWORD = 'Admin12345';
const REP = { username: 'e2e.import', name: '导入小王', password: 'Daoru2026ok' };
const GOOD = '蓉城智造装备有限公司';
const FIXED = '锦江云链物流有限公司';

let server: RunningServer;
let browser: Browser;
let page: Page;

async function uploadCsv(name: string, text: string) {
  await page
    .getByTestId('import-file')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`) });
  await page.getByTestId('import-mapping').waitFor();
}

beforeAll(async () => {
  server = await startServer({ CRM_ADMIN_PASSWORD: ADMIN_PASSWORD, CRM_DEMO: '1' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
  const departments = await apiCall(page, 'GET', '/departments');
  const dept = (departments.items ?? departments).find((d: { name: string }) => d.name === '上海一组');
  const created = await apiCall(page, 'POST', '/users', {
    username: REP.username,
    displayName: REP.name,
    password: REP.password,
    roles: ['rep'],
    departmentId: dept.id,
  });
  expect(created.id).toBeDefined();
  await signOut(page);
  await signIn(page, server.url, REP.username, REP.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('customer work story: a rep imports a file, fixes the bad row and follows up', () => {
  it('imports the good row of a CSV and shows what is wrong with the other', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customers-import').click();
    await uploadCsv('我的客户.csv', `客户名称,行业,重点客户,跟进周期（天）\r\n${GOOD},制造业,是,7\r\n${FIXED},卖菜的,否,\r\n`);
    // The headings were matched to fields without help.
    const mapping = await page.getByTestId('import-mapping').innerText();
    expect(mapping).toContain('跟进周期（天）');
    await screenshot(page, 'import-mapping');
    await page.getByTestId('import-run').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain('成功导入 1 行');
    // The error rows load after the result.
    await expect.poll(() => page.getByTestId('import-errors').innerText()).toContain('行业：不是有效的选项');
    await screenshot(page, 'import-result');
  });

  it('imports the corrected row as a second file', async () => {
    await page.getByTestId('import-another').click();
    await uploadCsv('改好的.csv', `客户名称,行业,重点客户\r\n${FIXED},物流,否\r\n`);
    await page.getByTestId('import-dry-run').click();
    await expect.poll(() => page.getByTestId('import-result').innerText(), { timeout: 20_000 }).toContain('可以导入 1 行');
    await page.getByTestId('import-now').click();
    await expect.poll(() => page.getByTestId('import-result').innerText(), { timeout: 20_000 }).toContain('成功导入 1 行');
    await page.goto(`${server.url}/customers`);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain(FIXED);
    expect(await page.locator('.ant-table-tbody').innerText()).toContain(GOOD);
  });

  it('logs a follow-up from the customer page, and the customer leaves the due list', async () => {
    // The imported key customer (7-day cycle) was last called ten days ago.
    const list = await apiCall(page, 'GET', `/customers?q=${encodeURIComponent(GOOD)}`);
    const customer = list.items[0];
    expect(customer).toMatchObject({ isKey: true, followUpCycleDays: 7, industry: 'manufacturing' });
    await apiCall(page, 'POST', '/follow-ups', {
      customerId: customer.id,
      type: 'call',
      content: '电话了解设备更新计划',
      occurredAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
    });
    await page.goto(`${server.url}/follow-ups/due`);
    await expect.poll(() => page.getByTestId('due-table').innerText()).toContain(GOOD);

    await page.goto(`${server.url}/customers/${customer.id}`);
    await page.getByTestId('followup-quick-add').first().click();
    await page
      .locator('textarea[data-testid=followup-content], [data-testid=followup-content] textarea')
      .first()
      .fill('上门演示了新产线方案，客户要报价');
    await page.getByTestId('followup-save').click();
    await expect.poll(() => page.getByTestId('customer-timeline').innerText()).toContain('上门演示了新产线方案');

    await page.goto(`${server.url}/follow-ups/due`);
    await page.getByTestId('due-table').waitFor();
    await expect.poll(() => page.getByTestId('due-table').innerText()).not.toContain(GOOD);
  });
});
