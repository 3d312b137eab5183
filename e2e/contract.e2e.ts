import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, screenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { createUsers, startSignedIn, switchUser } from './support/setup.js';

// Seed 002's story end to end: the 奶粉 promotion quoted beyond the rep's limit, approved by his
// manager, accepted by the customer, drafted into a contract, rejected by the project manager
// ("不能代替母乳"), fixed and resubmitted, approved by all four, effective — and no longer editable.

const PASSWORD = 'Hetong2026ok';
const USERS = {
  rep: { username: 'e2e.milk', name: '奶粉小王', role: 'rep' },
  manager: { username: 'e2e.qian', name: '钱经理', role: 'manager' },
  pm: { username: 'e2e.pm', name: '尤项目', role: 'project_manager' },
  finance: { username: 'e2e.fin', name: '韩会计', role: 'finance' },
  legal: { username: 'e2e.law', name: '朱律师', role: 'legal' },
} as const;
type Who = keyof typeof USERS;

let server: RunningServer;
let browser: Browser;
let page: Page;
let dealId: string;
let quoteId: string;
let contractId: string;

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn());
  const sales = await apiCall(page, 'POST', '/departments', { name: '华东销售部' });
  const projects = await apiCall(page, 'POST', '/departments', { name: '项目部' });
  const ids = await createUsers(page, USERS, PASSWORD, (_, u) => (u.role === 'rep' || u.role === 'manager' ? sales.id : projects.id));
  await apiCall(page, 'PATCH', `/departments/${sales.id}`, { managerId: ids.manager, version: sales.version });
  await apiCall(page, 'POST', '/products', {
    code: 'NF-003',
    name: '金装婴幼儿配方奶粉 3 段',
    unit: '罐',
    listPrice: '298',
    costPrice: '176.5',
    taxRate: '13',
  });
  await apiCall(page, 'POST', '/products', { code: 'TG-001', name: '母婴门店陈列推广', unit: '店', listPrice: '1500', taxRate: '6' });
  await as('rep');
  const customer = await apiCall(page, 'POST', '/customers', { name: '杭州贝贝母婴连锁有限公司' });
  dealId = (await apiCall(page, 'POST', '/opportunities', { customerId: customer.id, name: '奶粉新品门店推广', amount: '150000' })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function as(who: Who) {
  return switchUser(page, server.url, USERS[who].username, PASSWORD);
}

async function addProduct(code: string) {
  await page.getByTestId('quote-add-product').click();
  await page.keyboard.type(code);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: code }).first().click();
  await page.getByTestId('quote-lines').getByText(code).waitFor();
}

/** Opens the document and decides in its approval panel; a rejection gives its reason. */
async function decide(who: Who, path: string, decision: 'approve' | 'reject', comment?: string) {
  await as(who);
  await page.goto(`${server.url}${path}`);
  await page.getByTestId(`approval-${decision}`).click();
  await page.getByTestId('approval-dialog').waitFor();
  if (comment) await page.getByTestId('approval-dialog').locator('textarea').fill(comment);
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.getByTestId('approval-dialog').waitFor({ state: 'hidden' });
}

const quoteStatus = () => page.getByTestId('quote-status').first().innerText();
const contractStatus = () => page.getByTestId('contract-status').first().innerText();

describe('seed 002: from a quote beyond the limit to an effective contract', () => {
  it('quotes 奶粉 at 12 % off (beyond the rep’s 10 %), and his manager approves it', async () => {
    await page.goto(`${server.url}/opportunities/${dealId}`);
    await page.getByTestId('opportunity-quote-new').click();
    await addProduct('NF-003');
    await addProduct('TG-001');
    await page.getByTestId('quote-line-quantity').first().fill('500');
    await page.getByTestId('quote-line-quantity').nth(1).fill('20');
    await page.getByTestId('quote-line-discount').first().fill('12');
    await page.getByTestId('quote-line-discount').first().blur();
    await expect.poll(() => page.getByTestId('quote-line-over-limit').count()).toBe(1);
    await page.getByTestId('quote-save').click();
    await page.getByTestId('quote-detail-number').waitFor();
    quoteId = page.url().split('/').pop() as string;
    await page.getByTestId('quote-submit').click();
    await expect.poll(quoteStatus).toBe('审批中');

    await decide('manager', `/quotes/${quoteId}`, 'approve');
    await expect.poll(quoteStatus).toBe('审批通过');
  });

  it('is sent and accepted; the rep drafts the contract from it with the quote’s lines', async () => {
    await as('rep');
    await page.goto(`${server.url}/quotes/${quoteId}`);
    await page.getByTestId('quote-send').click();
    await expect.poll(quoteStatus).toBe('已发送');
    await page.getByTestId('quote-accept').click();
    await page.getByTestId('quote-accept-ok').click();
    await expect.poll(quoteStatus).toBe('客户已接受');

    await page.goto(`${server.url}/opportunities/${dealId}`);
    await page.getByTestId('opportunity-contract-new').click();
    // 500 × 298 × 0.88 + 20 × 1500 = 131,120 + 30,000
    await expect.poll(() => page.getByTestId('contract-editor-total').innerText()).toContain('161,120.00');
    await page.getByTestId('contract-payment-terms').fill('签约后付 30%，到货验收后付 60%，推广结束付清');
    await page.getByTestId('contract-save').click();
    await page.getByTestId('contract-detail-number').waitFor();
    contractId = page.url().split('/').pop() as string;
    expect(await contractStatus()).toBe('草稿');
    await page.getByTestId('contract-submit').click();
    await expect.poll(contractStatus).toBe('审批中');
    expect(await page.getByTestId('contract-edit').count()).toBe(0);
  });

  it('is approved by the manager and sent back by the project manager with his reason', async () => {
    await decide('manager', `/contracts/${contractId}`, 'approve');
    await decide('pm', `/contracts/${contractId}`, 'reject', '推广诉求不能是代替母乳，请改为母乳不足时的营养补充，并减少首批数量');
    await as('rep');
    await page.goto(`${server.url}/contracts/${contractId}`);
    await expect.poll(contractStatus).toBe('草稿');
    await expect.poll(() => page.getByTestId('approval-panel').innerText()).toContain('推广诉求不能是代替母乳');
  });

  it('is fixed by the rep (fewer cans), resubmitted, approved by all four and becomes effective without edit buttons', async () => {
    await page.getByTestId('contract-edit').click();
    await page.getByTestId('contract-line-quantity').first().fill('400');
    await page.getByTestId('contract-notes').fill('推广定位：母乳不足妈妈的营养补充');
    await page.getByTestId('contract-save').click();
    await page.getByTestId('contract-detail-number').waitFor();
    // 400 × 298 × 0.88 + 30,000
    await expect.poll(() => page.getByTestId('contract-amount').innerText()).toContain('134,896.00');
    await page.getByTestId('contract-submit').click();
    await expect.poll(contractStatus).toBe('审批中');

    await decide('manager', `/contracts/${contractId}`, 'approve');
    await decide('pm', `/contracts/${contractId}`, 'approve');
    await decide('finance', `/contracts/${contractId}`, 'approve');
    await decide('legal', `/contracts/${contractId}`, 'approve');

    await as('rep');
    await page.goto(`${server.url}/contracts/${contractId}`);
    await expect.poll(contractStatus).toBe('已生效');
    for (const action of ['contract-edit', 'contract-submit', 'contract-delete']) expect(await page.getByTestId(action).count()).toBe(0);
    await screenshot(page, 'contract-effective');
    const contract = await apiCall(page, 'GET', `/contracts/${contractId}`);
    expect(contract).toMatchObject({ status: 'effective', amount: '134896.00' });
    expect((await apiCall(page, 'GET', `/opportunities/${dealId}`)).status).toBe('won');
  });
});
