import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, screenshot, signIn, signOut } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const ADMIN_PASSWORD = 'Admin12345';
const REP = { username: 'e2e.quote', name: '报价小周', password: 'Baojia2026ok' };
const MANAGER = { username: 'e2e.boss', name: '钱经理', password: 'Jingli2026ok' };
const DEAL = '门店会员系统升级';

let server: RunningServer;
let browser: Browser;
let page: Page;
let dealId: string;
let quoteId: string;

beforeAll(async () => {
  server = await startServer({ CRM_ADMIN_PASSWORD: ADMIN_PASSWORD, CRM_DEMO: '0' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
  // 华东销售部 with its manager: the quote flow's default step is the submitter's manager.
  const dept = await apiCall(page, 'POST', '/departments', { name: '华东销售部' });
  const boss = await apiCall(page, 'POST', '/users', { ...user(MANAGER), roles: ['manager'], departmentId: dept.id });
  await apiCall(page, 'PATCH', `/departments/${dept.id}`, { managerId: boss.id, version: dept.version });
  await apiCall(page, 'POST', '/users', { ...user(REP), roles: ['rep'], departmentId: dept.id });
  await apiCall(page, 'POST', '/products', { code: 'RJ-001', name: '门店会员管理系统', unit: '套', listPrice: '9800', taxRate: '6' });
  await apiCall(page, 'POST', '/products', { code: 'RJ-002', name: '会员系统实施服务', unit: '人天', listPrice: '1200', taxRate: '6' });
  await signOut(page);
  await signIn(page, server.url, REP.username, REP.password);
  const customer = await apiCall(page, 'POST', '/customers', { name: '杭州贝贝母婴连锁有限公司' });
  dealId = (await apiCall(page, 'POST', '/opportunities', { customerId: customer.id, name: DEAL, amount: '50000' })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function user(u: typeof REP) {
  return { username: u.username, displayName: u.name, password: u.password };
}

async function addProduct(code: string) {
  await page.getByTestId('quote-add-product').click();
  await page.keyboard.type(code);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: code }).first().click();
  await page.getByTestId('quote-lines').getByText(code).waitFor();
}

const status = () => page.getByTestId('quote-status').first().innerText();

describe('quote story: a rep quotes beyond his limit, his manager approves, the customer accepts', () => {
  it('builds the quote from the deal’s page and marks the line that needs approval while he types', async () => {
    await page.goto(`${server.url}/opportunities/${dealId}`);
    await page.getByTestId('opportunity-quote-new').click();
    await addProduct('RJ-001');
    await addProduct('RJ-002');
    await page.getByTestId('quote-line-quantity').nth(1).fill('5');
    await page.getByTestId('quote-line-discount').first().fill('12');
    await page.getByTestId('quote-line-discount').first().blur();
    // 12 % off is beyond a rep's 10 %: the line is tagged and the page says what follows.
    await expect.poll(() => page.getByTestId('quote-line-over-limit').count()).toBe(1);
    expect(await page.getByTestId('quote-over-limit').innerText()).toContain('折扣超出您的权限（最多 10%）');
    // 9800 × 0.88 + 5 × 1200 = 8624 + 6000
    expect(await page.getByTestId('quote-total-main').innerText()).toBe('¥14,624.00');
    await screenshot(page, 'quote-editor-over-limit');
    await page.getByTestId('quote-save').click();
    await page.getByTestId('quote-detail-number').waitFor();
    quoteId = page.url().split('/').pop() as string;
    expect(await status()).toBe('草稿');
    expect(await page.getByTestId('quote-needs-approval').isVisible()).toBe(true);
    expect(await page.getByTestId('quote-send').count()).toBe(0);
  });

  it('goes to his manager on 提交审批 and is locked meanwhile', async () => {
    await page.getByTestId('quote-submit').click();
    await expect.poll(status).toBe('审批中');
    expect(await page.getByTestId('quote-edit').count()).toBe(0);
    await signOut(page);
    await signIn(page, server.url, MANAGER.username, MANAGER.password);
    await page.goto(`${server.url}/quotes/${quoteId}`);
    await page.getByTestId('approval-approve').click();
    await page.getByTestId('approval-dialog').waitFor();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(status).toBe('审批通过');
  });

  it('is sent, accepted by the customer, and the deal takes the quote’s total', async () => {
    await signOut(page);
    await signIn(page, server.url, REP.username, REP.password);
    await page.goto(`${server.url}/quotes/${quoteId}`);
    await page.getByTestId('quote-send').click();
    await expect.poll(status).toBe('已发送');
    await page.getByTestId('quote-accept').click();
    expect(await page.getByRole('dialog').innerText()).toContain('商机金额将改为报价总额 ¥14,624.00');
    await page.getByTestId('quote-accept-ok').click();
    await expect.poll(status).toBe('客户已接受');
    await screenshot(page, 'quote-detail-accepted');
    expect((await apiCall(page, 'GET', `/opportunities/${dealId}`)).amount).toBe('14624.00');

    const pdf = await page.request.get(`${server.url}/api/v1/quotes/${quoteId}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
