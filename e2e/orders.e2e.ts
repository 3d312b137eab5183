import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, screenshot, signIn, signOut } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { startSignedIn } from './support/setup.js';

// Seed 004's repeat buyer: a rep takes an order of two products, the warehouse sends part of it
// (部分发货, the rest still owed), then the rest (已发货).

const PASSWORD = 'Dingdan2026ok';

let server: RunningServer;
let browser: Browser;
let page: Page;
let customerId: string;

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn());
  const sales = await apiCall(page, 'POST', '/departments', { name: '华东销售部' });
  await apiCall(page, 'POST', '/users', {
    username: 'e2e.order',
    displayName: '周小舟',
    password: PASSWORD,
    roles: ['rep'],
    departmentId: sales.id,
  });
  await apiCall(page, 'POST', '/products', {
    code: 'NF-003',
    name: '金装婴幼儿配方奶粉 3 段',
    unit: '罐',
    listPrice: '298',
    taxRate: '13',
  });
  await apiCall(page, 'POST', '/products', { code: 'NF-100', name: '金装 3 段整箱装', unit: '箱', listPrice: '1680', taxRate: '13' });
  await signOut(page);
  await signIn(page, server.url, 'e2e.order', PASSWORD);
  customerId = (await apiCall(page, 'POST', '/customers', { name: '佛山天成母婴连锁有限公司' })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function addProduct(code: string) {
  await page.getByTestId('order-add-product').click();
  await page.keyboard.type(code);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: code }).first().click();
  await page.getByTestId('order-lines-editor').getByText(code).waitFor();
}

const status = () => page.getByTestId('order-status').first().innerText();
const undelivered = () => page.getByTestId('order-line-undelivered').allInnerTexts();

async function deliver(quantities?: string[]) {
  await page.getByTestId('order-deliver').click();
  const inputs = page.getByTestId('delivery-line-quantity');
  await inputs.first().waitFor();
  if (quantities)
    for (const [i, q] of quantities.entries()) {
      await inputs.nth(i).fill(q);
    }
  await page.getByTestId('delivery-carrier').fill('顺丰');
  await page.getByTestId('delivery-tracking').fill('SF1408823310');
  await page.getByTestId('delivery-save').click();
  await page.getByTestId('delivery-save').waitFor({ state: 'hidden' });
}

describe('seed 004: an order of two lines, delivered in two batches', () => {
  it('takes the order for the customer with exact totals and confirms it on submit', async () => {
    await page.goto(`${server.url}/orders/new?customerId=${customerId}`);
    await addProduct('NF-003');
    await addProduct('NF-100');
    await page.getByTestId('order-line-quantity').first().fill('10');
    await page.getByTestId('order-line-quantity').nth(1).fill('5');
    await page.getByTestId('order-line-quantity').nth(1).blur();
    // 10 × 298 + 5 × 1680
    await expect.poll(() => page.getByTestId('order-editor-total').innerText()).toContain('11,380.00');
    await page.getByTestId('order-save').click();
    await page.getByTestId('order-detail-number').waitFor();
    expect(await status()).toBe('草稿');
    await page.getByTestId('order-submit').click();
    await expect.poll(status).toBe('已确认');
  });

  it('records a partial delivery: 部分发货, with what is still owed per line', async () => {
    await deliver(['4', '']);
    await expect.poll(status).toBe('部分发货');
    await expect.poll(undelivered).toEqual(['6', '5']);
    await expect.poll(() => page.getByTestId('order-summary').innerText()).toContain('未发 11');
    expect(await page.getByTestId('order-delivery').count()).toBe(1);
    await screenshot(page, 'order-partially-delivered');
  });

  it('delivers the rest (the drawer offers what is left): 已发货', async () => {
    await deliver();
    await expect.poll(status).toBe('已发货');
    await expect.poll(undelivered).toEqual(['0', '0']);
    expect(await page.getByTestId('order-deliver').count()).toBe(0);
    await screenshot(page, 'order-delivered');
  });
});
