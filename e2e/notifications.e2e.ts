import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, screenshot, signIn, signOut } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { startSignedIn } from './support/setup.js';

// A rep @mentions his manager in a follow-up and in a note; the manager sees the bell's count,
// opens 消息中心, marks everything read, and turns on e-mail for follow-up reminders in his profile.

const PASSWORD = 'Xiaoxi2026ok';

let server: RunningServer;
let browser: Browser;
let page: Page;
let customerId: string;

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn());
  const sales = await apiCall(page, 'POST', '/departments', { name: '华东销售部' });
  await apiCall(page, 'POST', '/users', {
    username: 'e2e.mgr',
    displayName: '钱立新',
    email: 'qian.lixin@example.test',
    password: PASSWORD,
    roles: ['manager'],
    departmentId: sales.id,
  });
  await apiCall(page, 'POST', '/users', {
    username: 'e2e.rep',
    displayName: '周小舟',
    password: PASSWORD,
    roles: ['rep'],
    departmentId: sales.id,
  });
  await signOut(page);
  await signIn(page, server.url, 'e2e.rep', PASSWORD);
  customerId = (await apiCall(page, 'POST', '/customers', { name: '苏州恒远精密机械有限公司' })).id;
  await apiCall(page, 'POST', '/notes', {
    title: '恒远机械打单记录',
    body: '@钱立新 这是我们整理的竞品对比，您过目。',
    tags: [],
    links: [],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const bellCount = () => page.getByTestId('notification-count').locator('.ant-scroll-number').first();

describe('notification centre', () => {
  it('lets the rep pick a colleague after @ while writing a follow-up', async () => {
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByTestId('followup-quick-add').first().click();
    const content = page.locator('textarea[data-testid=followup-content], [data-testid=followup-content] textarea').first();
    await content.click();
    await page.keyboard.type('拜访了设备科，对方要求本月给最终报价。@钱');
    await page.locator('.ant-mentions-dropdown:visible .ant-mentions-dropdown-menu-item').filter({ hasText: '钱立新' }).first().click();
    await page.keyboard.type('折扣超过 15% 的部分麻烦您帮忙把关。');
    expect(await content.inputValue()).toContain('@钱立新 折扣超过 15%');
    await page.getByTestId('followup-save').click();
    await expect.poll(() => page.getByTestId('customer-timeline').innerText()).toContain('@钱立新 折扣超过 15%');
    await signOut(page);
  });

  it('shows the bell count, opens 消息中心, marks all read and the count goes to 0', async () => {
    await signIn(page, server.url, 'e2e.mgr', PASSWORD);
    // The two @mentions, plus whatever the scheduled jobs sent him since the server started (the
    // first run of the daily report delivers yesterday's team report).
    const unread: number = (await apiCall(page, 'GET', '/notifications/unread-count')).unread;
    expect(unread).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await bellCount().getAttribute('title')) ?? '', { timeout: 15_000 }).toBe(String(unread));

    await page.getByTestId('notification-bell').click();
    const latest = page.getByTestId('notification-list').getByTestId('notification-item');
    await latest.first().waitFor();
    expect(await latest.count()).toBe(Math.min(unread, 10));
    expect(await page.getByTestId('notification-list').innerText()).toContain('周小舟 在「苏州恒远精密机械有限公司」的跟进记录里@了你');
    // Not the full-page helper: growing the viewport to the page's height would close the popover.
    await page.screenshot({ path: 'test-results/screenshots/notifications-bell.png' });
    await page.getByTestId('notification-centre-link').click();
    await page.waitForURL('**/notifications');
    await page.getByText('消息中心').first().waitFor();

    const list = page.getByTestId('notification-centre-list');
    await list.waitFor();
    expect(await list.getByTestId('notification-item').count()).toBe(unread);
    await page.getByTestId('notification-category').getByText('@我的').click();
    await page.waitForURL('**/notifications?category=mention');
    await expect.poll(() => list.getByTestId('notification-item').count()).toBe(2);
    await screenshot(page, 'notifications-centre');

    await page.getByTestId('notification-centre-read-all').click();
    await expect.poll(() => bellCount().count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => list.locator('[data-unread="true"]').count()).toBe(0);
    expect((await apiCall(page, 'GET', '/notifications/unread-count')).unread).toBe(0);
  });

  it('turns on e-mail for a kind in the profile, and the choice stays', async () => {
    await page.goto(`${server.url}/profile`);
    const card = page.getByTestId('notification-prefs');
    await card.getByText('邮件发到：qian.lixin@example.test').waitFor();
    const toggle = card.getByTestId('notification-pref-follow_up_due');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await page.locator('.ant-message').getByText('已保存').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-prefs');
    await page.reload();
    await expect
      .poll(async () => page.getByTestId('notification-prefs').getByTestId('notification-pref-follow_up_due').getAttribute('aria-checked'))
      .toBe('true');
    const prefs = await apiCall(page, 'GET', '/notifications/preferences');
    expect(prefs.kinds.find((k: { key: string }) => k.key === 'follow_up_due').email).toBe(true);
  });
});
