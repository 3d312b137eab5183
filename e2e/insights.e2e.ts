import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, screenshot, signIn, signOut } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { findDepartment, startSignedIn } from './support/setup.js';

// Issue 13 (T5, T7, O7) on the demo company: 华东's manager opens 产品销售分析 and 数据及时性 and sees
// the demo's figures, then the funnel, where every share carries its count and a flagged cell (or one
// that is not) says why in its tooltip.

const MANAGER = { username: 'e2e.east', name: '钱经理助理', password: 'Huadong2026ok' };

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn({ demo: true }));
  const east = await findDepartment(page, '华东销售部');
  const created = await apiCall(page, 'POST', '/users', {
    username: MANAGER.username,
    displayName: MANAGER.name,
    password: MANAGER.password,
    roles: ['manager'],
    departmentId: east.id,
  });
  expect(created.id, JSON.stringify(created)).toBeDefined();
  await signOut(page);
  await signIn(page, server.url, MANAGER.username, MANAGER.password);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a manager reads the analysis pages of issue 13', () => {
  it('opens 产品销售分析 from the menu and sees shares, best and slow sellers and prices to review', async () => {
    await page.goto(`${server.url}/reports/pipeline`);
    await page.getByRole('menuitem', { name: '产品销售分析' }).click();
    await page.waitForURL(/\/reports\/product-sales/);
    await expect.poll(() => page.getByTestId('sales-total').innerText(), { timeout: 20_000 }).toMatch(/¥[1-9][\d,]*\.\d\d/);
    await expect.poll(() => page.getByTestId('shares-table').innerText()).toContain('金装婴幼儿配方奶粉 3 段');
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'product-sales-shares');

    await page.getByRole('tab', { name: '畅销与滞销' }).click();
    await expect.poll(() => page.getByTestId('trend-best').innerText(), { timeout: 20_000 }).toContain('金装');
    await expect.poll(() => page.getByTestId('trend-slow').innerText()).toContain('收银扫码枪');
    await screenshot(page, 'product-sales-trend');

    await page.getByRole('tab', { name: '可调价产品' }).click();
    await expect.poll(() => page.getByTestId('price-table').innerText(), { timeout: 20_000 }).toContain('折让大');
    await screenshot(page, 'product-sales-prices');
  }, 120_000);

  it('opens 数据及时性 and sees a score per rep and rows to fix', async () => {
    await page.getByRole('menuitem', { name: '数据及时性' }).click();
    await page.waitForURL(/\/reports\/data-timeliness/);
    await expect.poll(() => page.getByTestId('timeliness-reps').innerText(), { timeout: 20_000 }).toContain('王思远');
    await expect.poll(() => page.getByTestId('timeliness-team-score').innerText()).toMatch(/\d+/);
    await expect.poll(() => page.getByTestId('timeliness-fixes').locator('tbody tr').count()).toBeGreaterThan(0);
    // The rows link to the record to fix.
    expect(await page.getByTestId('timeliness-fixes').locator('a[href^="/"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'data-timeliness');
  }, 120_000);

  it('shows the count beside every share in the funnel and says in a tooltip why a cell is or is not flagged', async () => {
    await page.goto(`${server.url}/reports/funnel`);
    const table = page.getByTestId('funnel-table');
    await expect.poll(() => table.locator('tbody tr[data-row-key]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // Every share comes with its count: "25% (2)".
    const firstRow = await table.locator('tbody tr[data-row-key]').first().innerText();
    expect(firstRow).toMatch(/\d+(\.\d)?%\s*\(\d+\)/);
    await table.locator('tbody tr[data-row-key]').first().locator('td').nth(1).locator('.ant-space').hover();
    const why = page.locator('.ant-tooltip').filter({ hasText: '个点' });
    await expect.poll(() => why.first().innerText(), { timeout: 10_000 }).toMatch(/个点/);
    await screenshot(page, 'funnel-why');
  }, 120_000);
});
