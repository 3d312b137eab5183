import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, screenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { createUsers, startSignedIn, switchUser } from './support/setup.js';

// Seed 002 "signing without being paid is a false joy": an effective contract of ¥164,000 sits on
// 未回款合同. Finance plans it in three instalments (the odd fen on the last), the rep registers a
// first payment he expects (预计回款), finance confirms it arrived, then records the rest in one
// payment — and the contract leaves the unpaid list.

const PASSWORD = 'Huikuan2026ok';
const USERS = {
  rep: { username: 'e2e.rep', name: '周小舟', role: 'rep' },
  manager: { username: 'e2e.mgr', name: '钱经理', role: 'manager' },
  pm: { username: 'e2e.pm', name: '秦项目', role: 'project_manager' },
  finance: { username: 'e2e.fin', name: '韩会计', role: 'finance' },
  legal: { username: 'e2e.law', name: '朱律师', role: 'legal' },
} as const;
type Who = keyof typeof USERS;

let server: RunningServer;
let browser: Browser;
let page: Page;
let contract: { id: string; number: string; amount: string };

/** Switches the page's session through the API (the approvals of the setup need no screen). */
const loginApi = (who: Who) => apiCall(page, 'POST', '/auth/login', { username: USERS[who].username, password: PASSWORD });

function as(who: Who) {
  return switchUser(page, server.url, USERS[who].username, PASSWORD);
}

const unpaidRow = () => page.getByTestId('unpaid-table').locator('tr').filter({ hasText: contract.number });

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn());
  const sales = await apiCall(page, 'POST', '/departments', { name: '华东销售部' });
  const office = await apiCall(page, 'POST', '/departments', { name: '职能部门' });
  const ids = await createUsers(page, USERS, PASSWORD, (_, u) => (u.role === 'rep' || u.role === 'manager' ? sales.id : office.id));
  await apiCall(page, 'PATCH', `/departments/${sales.id}`, { managerId: ids.manager, version: sales.version });
  const product = await apiCall(page, 'POST', '/products', {
    code: 'TG-009',
    name: '年度门店推广服务',
    unit: '年',
    listPrice: '164000',
    taxRate: '6',
  });

  // The rep's contract by hand, approved by the four of seed 002's default flow: effective.
  await loginApi('rep');
  const customer = await apiCall(page, 'POST', '/customers', { name: '杭州贝贝母婴连锁有限公司' });
  const draft = await apiCall(page, 'POST', '/contracts', {
    customerId: customer.id,
    title: '2027 年度门店推广',
    signDate: '2026-11-20',
    lines: [{ productId: product.id, quantity: '1' }],
  });
  expect(draft.id, JSON.stringify({ product, customer, draft })).toBeTruthy();
  const submitted = await apiCall(page, 'POST', `/contracts/${draft.id}/submit`, { version: draft.version });
  expect(submitted.status, JSON.stringify(submitted)).toBe('in_approval');
  for (const who of ['manager', 'pm', 'finance', 'legal'] as const) {
    await loginApi(who);
    const todo = await apiCall(page, 'GET', '/approvals?box=todo');
    const request = todo.items.find((i: { link: string }) => i.link === `/contracts/${draft.id}`);
    expect(request, `${who}: ${JSON.stringify(todo)}`).toBeTruthy();
    await apiCall(page, 'POST', `/approvals/${request.id}/approve`, {});
  }
  contract = await apiCall(page, 'GET', `/contracts/${draft.id}`);
  expect(contract).toMatchObject({ status: 'effective', amount: '164000.00' });
  await page.goto(server.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('seed 002: a contract is paid and leaves 未回款合同', () => {
  it('finance finds the contract on 未回款合同 and plans it in three instalments, the odd fen on the last', async () => {
    await as('finance');
    await page.getByRole('menuitem', { name: '回款管理' }).click();
    await unpaidRow().waitFor();
    expect(await unpaidRow().innerText()).toContain('¥164,000.00');
    await unpaidRow().getByRole('link', { name: contract.number }).click();
    await page.getByTestId('contract-detail-number').waitFor();
    await page.getByRole('tab', { name: '回款', exact: true }).click();
    await page.getByTestId('plan-edit').click();
    await page.getByTestId('plan-split-count').fill('3');
    await page.getByTestId('plan-split').click();
    await expect.poll(() => page.getByTestId('plan-amount').count()).toBe(3);
    expect(await page.getByTestId('plan-difference').innerText()).toBe('与合同金额一致');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-table').innerText()).toContain('¥54,666.68');
    expect(await page.getByTestId('plan-table').innerText()).toContain('¥54,666.66');
  });

  it('the rep registers a first payment, which stays 预计回款 until finance confirms it', async () => {
    await as('rep');
    await page.goto(`${server.url}/contracts/${contract.id}`);
    await page.getByRole('tab', { name: '回款', exact: true }).click();
    await page.getByTestId('payment-new').click();
    await page.getByTestId('payment-amount').fill('54666.66');
    await page.getByTestId('payment-reference').fill('HZ20261201-0088');
    await page.getByTestId('payment-save').click();
    await expect.poll(() => page.getByTestId('contract-payments').innerText()).toContain('预计回款');

    await as('finance');
    await page.goto(`${server.url}/receivables/payments?status=expected`);
    const row = page.getByTestId('payment-table').locator('tr').filter({ hasText: contract.number });
    await row.getByTestId('payment-confirm').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.goto(`${server.url}/receivables`);
    await expect.poll(() => unpaidRow().innerText()).toContain('¥109,333.34');
  });

  it('finance records the whole outstanding amount and the contract leaves the unpaid list', async () => {
    await unpaidRow().getByRole('link', { name: contract.number }).click();
    await page.getByRole('tab', { name: '回款', exact: true }).click();
    await page.getByTestId('payment-new').click();
    await page.getByTestId('payment-amount').fill('109333.34');
    await page.getByTestId('payment-reference').fill('HZ20261215-0131');
    await page.getByTestId('payment-save').click();
    await expect.poll(() => page.getByTestId('receivables-summary').innerText()).toContain('未回款 ¥0.00');
    expect(await page.getByTestId('plan-table').getByTestId('instalment-status').allInnerTexts()).toEqual(['已回款', '已回款', '已回款']);
    // And invoices it in full (专票 at 6 %): the tax is worked out from the rate, nothing is left to invoice.
    await page.getByTestId('invoice-new').click();
    await page.getByTestId('invoice-number').fill('33000261220000001234');
    await page.getByTestId('invoice-amount').fill('164000');
    await page.getByTestId('invoice-tax-rate').fill('6');
    await page.getByTestId('invoice-save').click();
    await expect.poll(() => page.getByTestId('invoice-summary').innerText()).toContain('未开票 ¥0.00');
    expect(await page.getByTestId('contract-invoices').innerText()).toContain('¥9,283.02');
    await screenshot(page, 'receivables-contract-paid');

    await page.getByRole('menuitem', { name: '回款管理' }).click();
    await page.getByTestId('unpaid-table').waitFor();
    await expect.poll(() => unpaidRow().count()).toBe(0);
    await page.getByRole('tab', { name: '回款记录' }).click();
    await expect.poll(() => page.getByTestId('payment-table').locator('tr').filter({ hasText: contract.number }).count()).toBe(2);
    await screenshot(page, 'receivables-payments');
  });
});
