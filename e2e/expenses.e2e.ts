import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, chooseOption, screenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { createUsers, startSignedIn, switchUser } from './support/setup.js';

// M4 (seed 000 "how much have we spent on this customer?"): a rep files an expense claim with a
// receipt, his manager approves it from 待我审批, and it shows in the customer's 费用 tab as cost.

const PASSWORD = 'Feiyong2026ok';
const CUSTOMER = '杭州贝贝母婴连锁有限公司';
const USERS = {
  rep: { username: 'e2e.zhou', name: '周小舟', role: 'rep' },
  manager: { username: 'e2e.qian', name: '钱经理', role: 'manager' },
} as const;
type Who = keyof typeof USERS;

// The smallest valid PNG: one transparent pixel.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let server: RunningServer;
let browser: Browser;
let page: Page;
let customerId: string;
let expenseId: string;
let expenseNumber: string;

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn());
  const sales = await apiCall(page, 'POST', '/departments', { name: '华东销售部' });
  const ids = await createUsers(page, USERS, PASSWORD, () => sales.id);
  await apiCall(page, 'PATCH', `/departments/${sales.id}`, { managerId: ids.manager, version: sales.version });
  await as('rep');
  customerId = (await apiCall(page, 'POST', '/customers', { name: CUSTOMER })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function as(who: Who) {
  return switchUser(page, server.url, USERS[who].username, PASSWORD);
}

const status = () => page.getByTestId('expense-status').first().innerText();

describe('M4: an expense claim from the rep to the customer’s cost', () => {
  it('is filed by the rep for his customer, with a receipt, and submitted', async () => {
    await page.goto(`${server.url}/expenses`);
    await page.getByTestId('expense-new').click();
    await page.getByTestId('expense-form').waitFor();
    await chooseOption(page, '[data-testid=expense-form] #customerId', CUSTOMER);
    await chooseOption(page, '[data-testid=expense-form] #category', '业务招待');
    await page.locator('[data-testid=expense-form] #amount').fill('1288.50');
    await page.getByTestId('expense-description').fill('请客户采购总监和门店运营吃饭，谈明年春季新品陈列');
    await page.getByTestId('expense-save').click();
    await page.getByTestId('expense-detail-number').waitFor();
    expenseId = page.url().split('/').pop() as string;
    expenseNumber = await page.getByTestId('expense-detail-number').innerText();
    expect(expenseNumber).toMatch(/^FY-\d{6}-\d{4}$/);
    expect(await status()).toBe('草稿');

    await page
      .getByTestId('attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: '餐费发票.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.getByTestId('attachments').innerText()).toContain('餐费发票.png');
    await page.getByTestId('expense-submit').click();
    await expect.poll(status).toBe('审批中');
    expect(await page.getByTestId('expense-edit').count()).toBe(0);
  });

  it('is approved by his manager from 待我审批, who sees the receipt', async () => {
    await as('manager');
    await page.goto(`${server.url}/approvals`);
    await page.getByTestId('approval-title').filter({ hasText: expenseNumber }).click();
    await page.getByTestId('approval-approve').click();
    await page.getByTestId('approval-dialog').waitFor();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('approval-dialog').waitFor({ state: 'hidden' });

    await page.goto(`${server.url}/expenses/${expenseId}`);
    await expect.poll(status).toBe('已通过');
    await expect.poll(() => page.getByTestId('attachments').innerText()).toContain('餐费发票.png');
    await screenshot(page, 'expense-approved');
  });

  it('counts in the customer’s 费用 tab, locked for the rep', async () => {
    await as('rep');
    await page.goto(`${server.url}/expenses/${expenseId}`);
    await expect.poll(status).toBe('已通过');
    for (const action of ['expense-edit', 'expense-submit', 'expense-delete']) expect(await page.getByTestId(action).count()).toBe(0);

    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('tab', { name: '费用' }).click();
    await expect.poll(() => page.getByTestId('customer-expenses-approved').innerText()).toContain('1,288.50');
    await expect.poll(() => page.getByTestId('customer-expenses-pending').innerText()).toContain('0.00');
    await expect.poll(() => page.getByTestId('customer-expenses').innerText()).toContain(expenseNumber);
    await screenshot(page, 'customer-expenses-tab');
    expect(await apiCall(page, 'GET', `/customers/${customerId}/expense-summary`)).toMatchObject({ approved: '1288.50', approvedCount: 1 });
  });
});
