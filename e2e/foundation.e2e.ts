import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, launchBrowser, screenshot, signIn, signOut } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const ADMIN_PASSWORD = 'Admin12345';
const REP_PASSWORD = 'Xibu2026ok';
const DEPT = '华西销售部';
const REP = { username: 'e2e.rep', name: '成都小李' };
const CUSTOMER = '成都天府云智科技有限公司';
const CONTACT = '王建国';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ CRM_ADMIN_PASSWORD: ADMIN_PASSWORD, CRM_DEMO: '1' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('foundation story: an admin sets up a team and a rep sees only what the scope allows', () => {
  it('signs the admin in and switches the language', async () => {
    await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
    await expect.poll(() => page.locator('.ant-menu').innerText()).toContain('客户');
    await chooseOption(page, '[data-testid=language-switch]', 'English');
    await expect.poll(() => page.locator('.ant-menu').innerText()).toContain('Customers');
    await chooseOption(page, '[data-testid=language-switch]', '简体中文');
    await expect.poll(() => page.locator('.ant-menu').innerText()).toContain('客户');
  });

  it('creates a department and a rep in it', async () => {
    await page.goto(`${server.url}/admin/departments`);
    await page.getByTestId('dept-new').click();
    const deptForm = page.getByTestId('dept-form');
    await deptForm.locator('input#name').fill(DEPT);
    await page.getByTestId('dept-save').click();
    await expect.poll(() => page.locator('body').innerText()).toContain(DEPT);

    await page.goto(`${server.url}/admin/users`);
    await page.getByTestId('user-new').click();
    const form = page.getByTestId('user-form');
    await form.locator('input#username').fill(REP.username);
    await form.locator('input#displayName').fill(REP.name);
    await form.locator('input#password').fill(REP_PASSWORD);
    await chooseOption(page, '[data-testid=user-form] #departmentId', DEPT);
    await chooseOption(page, '[data-testid=user-form] #roles', '销售');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-save').click();
    await expect.poll(() => page.locator('.ant-table').innerText()).toContain(REP.name);
    await screenshot(page, 'admin-users');
  });

  it('creates a customer owned by the rep, with a contact', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customer-new').click();
    const form = page.getByTestId('customer-form');
    await form.locator('input#name').fill(CUSTOMER);
    await chooseOption(page, '[data-testid=customer-form] #ownerId', REP.name);
    await page.getByTestId('customer-save').click();
    await page.getByTestId('customer-detail-name').waitFor();
    expect(await page.getByTestId('customer-detail-name').innerText()).toContain(CUSTOMER);
    // The rep owns it: the header names him.
    await expect.poll(() => page.locator('.page-header').first().innerText()).toContain(REP.name);

    await page.locator('.ant-tabs-tab[data-node-key=contacts]').click();
    await page.getByTestId('contact-new').click();
    await page.getByTestId('contact-form').locator('input#name').fill(CONTACT);
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.locator('body').innerText()).toContain(CONTACT);
    await screenshot(page, 'customer-detail');
  });

  it('shows the rep only his own customer, and another customer answers not found', async () => {
    const others = await page.evaluate(async () => {
      const r = await fetch('/api/v1/customers?pageSize=1&sort=name');
      return (await r.json()).items as { id: string; name: string }[];
    });
    await signOut(page);
    await signIn(page, server.url, REP.username, REP_PASSWORD);
    await page.goto(`${server.url}/customers`);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain(CUSTOMER);
    const rows = await page.locator('.ant-table-tbody tr.ant-table-row').count();
    expect(rows).toBe(1);
    await screenshot(page, 'rep-customers');

    await page.goto(`${server.url}/customers/${others[0].id}`);
    await expect.poll(() => page.locator('body').innerText()).toContain('记录不存在');
  });

  it('lets the rep log a follow-up on an overdue key customer, which then leaves the due list', async () => {
    // Make the rep's customer a key customer (7-day cycle) last followed up ten days ago.
    await page.evaluate(async (name) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('crm_csrf='))
          ?.slice(9) ?? '';
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
      const list = await (await fetch(`/api/v1/customers?q=${encodeURIComponent(name)}`)).json();
      const c = list.items[0];
      await fetch(`/api/v1/customers/${c.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ version: c.version, isKey: true, followUpCycleDays: 7 }),
      });
      const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
      await fetch('/api/v1/follow-ups', {
        method: 'POST',
        headers,
        body: JSON.stringify({ customerId: c.id, type: 'call', content: '初次电话沟通', occurredAt: tenDaysAgo }),
      });
    }, CUSTOMER);

    await page.goto(`${server.url}/follow-ups/due`);
    const dueTable = page.getByTestId('due-table');
    await expect.poll(() => dueTable.innerText()).toContain(CUSTOMER);
    await screenshot(page, 'due-list');
    await dueTable.locator('tr', { hasText: CUSTOMER }).getByTestId('followup-quick-add').click();
    await page
      .getByTestId('followup-content')
      .locator('textarea')
      .or(page.locator('textarea[data-testid=followup-content]'))
      .first()
      .fill('上门拜访，确认了下季度的采购需求');
    await page.getByTestId('followup-save').click();
    await expect.poll(() => dueTable.innerText()).not.toContain(CUSTOMER);

    await page.goto(`${server.url}/customers`);
    await page.locator('.ant-table-tbody a', { hasText: CUSTOMER }).first().click();
    await expect.poll(() => page.getByTestId('customer-timeline').innerText()).toContain('上门拜访，确认了下季度的采购需求');
  });
});
