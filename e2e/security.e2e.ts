import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, screenshot, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const ADMIN_PASSWORD = 'Admin12345';
const XSS_NAME = '<img src=x onerror=window.__xss=1>';
const SCRIPT_REMARK = '<script>window.__xss=2</script>';

let server: RunningServer;
let browser: Browser;
let page: Page;
/** Console errors and uncaught page errors, CSP violations among them. */
const problems: string[] = [];

beforeAll(async () => {
  server = await startServer({ CRM_ADMIN_PASSWORD: ADMIN_PASSWORD, CRM_DEMO: '1' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const xssFired = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null);

describe('P6 in the browser: payloads stay text, and the app works under its Content-Security-Policy', () => {
  it('shows a customer named like an <img onerror> tag as text, in the list, the detail page and search, and runs nothing', async () => {
    const customer = await apiCall(page, 'POST', '/customers', { name: XSS_NAME, remarks: SCRIPT_REMARK, address: XSS_NAME });
    expect(customer.id).toBeDefined();

    await page.goto(`${server.url}/customers`);
    const row = page.locator('tr', { hasText: XSS_NAME }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain(XSS_NAME);
    await page.goto(`${server.url}/customers/${customer.id}`);
    await page.getByText(XSS_NAME).first().waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain(SCRIPT_REMARK);
    await screenshot(page, 'security-xss-customer');
    // Neither payload became an element.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script', { hasText: 'window.__xss' }).count()).toBe(0);

    await page.goto(`${server.url}/search?q=${encodeURIComponent('onerror')}`);
    await page.getByText(XSS_NAME).first().waitFor();
    expect(await xssFired()).toBeNull();
  });

  it('renders a note’s Markdown without running a javascript: link or an HTML tag typed into it', async () => {
    const title = `笔记 ${XSS_NAME}`;
    const note = await apiCall(page, 'POST', '/notes', {
      title,
      body: `${XSS_NAME}\n\n[点我看报价](javascript:window.__xss=3)\n\n**要点**：客户关心交期`,
    });
    expect(note.id).toBeDefined();
    await page.goto(`${server.url}/notes`);
    await page.getByText(title).first().click();
    // The note opens in a drawer, its body rendered from Markdown.
    await page.locator('.markdown-body', { hasText: '客户关心交期' }).waitFor();
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    const link = page.getByText('点我看报价').first();
    if (await link.count()) await link.click();
    await screenshot(page, 'security-xss-note');
    expect(await xssFired()).toBeNull();
  });

  it('keeps a member of a role that requires two-step sign-in on 个人设置 until he turns it on', async () => {
    const role = await apiCall(page, 'POST', '/roles', {
      key: 'e2e_cashier',
      name: '出纳',
      dataScope: 'own',
      permissions: ['customers:view'],
      requireTotp: true,
    });
    expect(role.requireTotp).toBe(true);
    const user = await apiCall(page, 'POST', '/users', {
      username: 'e2e.cashier',
      displayName: '出纳小李',
      password: 'Chuna2026ok',
      roles: ['e2e_cashier'],
    });
    expect(user.id).toBeDefined();
    const cashier = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(cashier, server.url, 'e2e.cashier', 'Chuna2026ok');
    await cashier.getByTestId('totp-required').waitFor();
    expect(new URL(cashier.url()).pathname).toBe('/profile');
    await cashier.goto(`${server.url}/customers`);
    await cashier.getByTestId('totp-required').waitFor();
    expect(new URL(cashier.url()).pathname).toBe('/profile');
    await screenshot(cashier, 'security-totp-required');
    await cashier.close();
  });

  it('sends the security headers with the page itself', async () => {
    const res = await page.goto(`${server.url}/customers`);
    const headers = res?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('opens the main pages (lists, boards, charts, forms) with no CSP violation or error in the console', async () => {
    const pages = [
      '/',
      '/customers',
      '/opportunities',
      '/opportunities/list',
      '/leads',
      '/customer-pool',
      '/quotes',
      '/contracts',
      '/orders',
      '/receivables',
      '/expenses',
      '/calendar',
      '/notes',
      '/reports/funnel',
      '/reports/forecast',
      '/reports/receivables-aging',
      '/profile',
      '/admin/roles',
      '/api/docs',
    ];
    problems.length = 0;
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await screenshot(page, 'security-api-docs');
    expect(problems).toEqual([]);
    expect(await xssFired()).toBeNull();
  });
});
