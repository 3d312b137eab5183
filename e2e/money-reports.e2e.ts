import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, screenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { startSignedIn, switchUser } from './support/setup.js';

// Issue 12 in the browser, on figures checkable by hand. One effective contract of ¥100,000 (cost
// ¥60,000 on its line) for 苏州恒远精工, planned in three instalments around today (Shanghai): ¥30,000
// due 40 days ago, ¥30,000 due 5 days ago, ¥40,000 due in 20 days; finance received ¥10,000 on the
// first. 应收账龄 per customer: 未到期 ¥40,000, 1–30 天 ¥30,000, 31–60 天 ¥20,000, 合计 ¥90,000.
// 利润分析: revenue ¥100,000 − cost ¥60,000 = ¥40,000, 40.00 %. With a credit limit of ¥120,000 the
// rep's next contract of ¥50,000 is stopped: exposure ¥90,000, excess ¥20,000.

const PASSWORD = 'Zhangling2026ok';
const CUSTOMER = '苏州恒远精工机械有限公司';
const USERS = {
  rep: { username: 'e2e.rep', name: '周小舟', role: 'rep' },
  finance: { username: 'e2e.fin', name: '韩会计', role: 'finance' },
} as const;
type Who = keyof typeof USERS;

let server: RunningServer;
let browser: Browser;
let page: Page;
let customerId: string;

const loginApi = (who: Who) => apiCall(page, 'POST', '/auth/login', { username: USERS[who].username, password: PASSWORD });
function as(who: Who) {
  return switchUser(page, server.url, USERS[who].username, PASSWORD);
}

/** The company's today (Asia/Shanghai) moved by `days`, as the plan's due dates. */
function shanghaiDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function draftContract(productId: string, title: string) {
  const draft = await apiCall(page, 'POST', '/contracts', { customerId, title, lines: [{ productId, quantity: '1' }] });
  expect(draft.id, JSON.stringify(draft)).toBeTruthy();
  return draft as { id: string; number: string; version: number };
}

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn());
  const sales = await apiCall(page, 'POST', '/departments', { name: '苏州销售部' });
  for (const u of Object.values(USERS))
    await apiCall(page, 'POST', '/users', {
      username: u.username,
      displayName: u.name,
      password: PASSWORD,
      roles: [u.role],
      departmentId: sales.id,
    });
  // The admin's contract flow: finance approves only contracts over ¥10,000,000 — these pass at once.
  const me = await apiCall(page, 'GET', '/auth/me');
  const flow = await apiCall(page, 'PUT', '/approval-flows/contract', {
    definition: {
      steps: [
        {
          name: '大额合同财务审批',
          mode: 'any',
          approvers: [{ kind: 'role', roleKey: 'finance' }],
          condition: { field: 'amount', op: '>', value: '10000000' },
        },
      ],
      fallbackUserId: me.id,
    },
  });
  expect(flow.version, JSON.stringify(flow)).toBeTruthy();
  const product = await apiCall(page, 'POST', '/products', {
    code: 'JG-100',
    name: '数控加工中心改造',
    unit: '套',
    listPrice: '100000',
    costPrice: '60000',
    taxRate: '13',
  });
  const small = await apiCall(page, 'POST', '/products', {
    code: 'JG-050',
    name: '主轴维保',
    unit: '年',
    listPrice: '50000',
    taxRate: '6',
  });

  await loginApi('rep');
  customerId = (await apiCall(page, 'POST', '/customers', { name: CUSTOMER })).id;
  const c = await draftContract(product.id, '加工中心改造一期');
  const submitted = await apiCall(page, 'POST', `/contracts/${c.id}/submit`, { version: c.version });
  expect((await apiCall(page, 'GET', `/contracts/${c.id}`)).status, JSON.stringify(submitted)).toBe('effective');
  await draftContract(small.id, '主轴年度维保');

  await loginApi('finance');
  const plan = await apiCall(page, 'PUT', `/contracts/${c.id}/payment-plan`, {
    instalments: [
      { dueDate: shanghaiDay(-40), amount: '30000.00' },
      { dueDate: shanghaiDay(-5), amount: '30000.00' },
      { dueDate: shanghaiDay(20), amount: '40000.00' },
    ],
  });
  expect(plan.instalments?.length, JSON.stringify(plan)).toBe(3);
  const paid = await apiCall(page, 'POST', '/payments', {
    contractId: c.id,
    receivedOn: shanghaiDay(-30),
    amount: '10000.00',
    method: 'bank_transfer',
    allocations: [{ instalmentId: plan.instalments[0].id, amount: '10000.00' }],
  });
  expect(paid.status, JSON.stringify(paid)).toBe('confirmed');
  const credit = await apiCall(page, 'GET', `/customers/${customerId}/credit`);
  await apiCall(page, 'PUT', `/customers/${customerId}/credit`, { version: credit.customerVersion, creditLimit: '120000.00' });
  await page.goto(server.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('issue 12: finance reads the money reports; the credit limit stops a rep', () => {
  it('应收账龄 per customer puts the outstanding ¥90,000 in its buckets', async () => {
    await as('finance');
    await page.getByRole('menuitem', { name: '应收账龄' }).click();
    await page.getByTestId('aging-table').waitFor();
    await page.getByTestId('aging-group').getByText('按客户').click();
    const row = page.getByTestId('aging-table').locator('tr').filter({ hasText: CUSTOMER });
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.locator('td').allInnerTexts();
    // 客户 | 未到期 | 1–30 天 | 31–60 天 | 61–90 天 | 90 天以上 | 逾期合计 | 合计
    expect(cells.map((c) => c.trim())).toEqual([
      CUSTOMER,
      '¥40,000.00',
      '¥30,000.00',
      '¥20,000.00',
      '¥0.00',
      '¥0.00',
      '¥50,000.00',
      '¥90,000.00',
    ]);
    await screenshot(page, 'money-aging-customers');
  });

  it('利润分析 shows revenue − cost = ¥40,000 and a 40 % margin for the customer', async () => {
    await page.getByRole('menuitem', { name: '利润分析' }).click();
    const row = page.getByTestId('profit-customers-table').locator('tr').filter({ hasText: CUSTOMER });
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.innerText();
    for (const figure of ['¥100,000.00', '¥60,000.00', '¥40,000.00', '40.00%']) expect(text).toContain(figure);
    await screenshot(page, 'money-profit-customers');
  });

  it('the rep submits a ¥50,000 contract past the ¥120,000 limit and is stopped naming limit, exposure and excess', async () => {
    await as('rep');
    const drafts = await apiCall(page, 'GET', `/contracts?customerId=${customerId}&status=draft`);
    const draft = drafts.items.find((i: { title: string }) => i.title === '主轴年度维保');
    await page.goto(`${server.url}/contracts/${draft.id}`);
    await page.getByTestId('contract-submit').click();
    const stopped = page.locator('.ant-modal-confirm');
    await stopped.waitFor();
    const text = await stopped.innerText();
    for (const figure of ['信用额度为 ¥120,000.00', '已占用 ¥90,000.00', '本单 ¥50,000.00', '超出 ¥20,000.00'])
      expect(text).toContain(figure);
    await screenshot(page, 'money-credit-stopped');
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    expect((await apiCall(page, 'GET', `/contracts/${draft.id}`)).status).toBe('draft');
  });
});
