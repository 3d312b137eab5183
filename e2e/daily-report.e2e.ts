import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, screenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { createUsers, startSignedIn, switchUser } from './support/setup.js';

// T3 销售日报: a rep finds his day already written from what he entered, adds a comment and
// tomorrow's plan; his manager sees the team's day, who logged nothing, and drills into the rep.

const PASSWORD = 'Ribao2026ok';
const USERS = {
  rep: { username: 'e2e.zhou', name: '周小舟', role: 'rep' },
  quiet: { username: 'e2e.wu', name: '吴佳怡', role: 'rep' },
  manager: { username: 'e2e.qian', name: '钱经理', role: 'manager' },
} as const;
type Who = keyof typeof USERS;

let server: RunningServer;
let browser: Browser;
let page: Page;

function as(who: Who) {
  return switchUser(page, server.url, USERS[who].username, PASSWORD);
}

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn());
  const east = await apiCall(page, 'POST', '/departments', { name: '华东销售部' });
  const ids = await createUsers(page, USERS, PASSWORD, () => east.id);
  await apiCall(page, 'PATCH', `/departments/${east.id}`, { managerId: ids.manager, version: east.version });
  await as('rep');
  const customer = await apiCall(page, 'POST', '/customers', { name: '上海安泰供应链管理有限公司' });
  await apiCall(page, 'POST', '/follow-ups', { customerId: customer.id, type: 'visit', content: '上门演示了系统，对方关心交付周期' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('销售日报', () => {
  it("a rep opens his day, finds today's work already in it, and writes a comment and tomorrow's plan", async () => {
    await page.goto(`${server.url}/daily-report`);
    await page.getByTestId('daily-section-follow-ups').getByText('上门演示了系统，对方关心交付周期').waitFor();
    await page.getByTestId('daily-section-new-customers').getByText('上海安泰供应链管理有限公司').waitFor();
    expect(await page.getByTestId('daily-activity').innerText()).toContain('2');

    await page.getByTestId('daily-comment').fill('安泰基本认可方案，等对方内部评审');
    await page.getByTestId('daily-plan').fill('上午给安泰发报价，下午拜访新客户');
    await page.getByTestId('daily-notes-save').click();
    await page.getByText('总结和计划已保存').waitFor();
    await page.reload();
    expect(await page.getByTestId('daily-plan').inputValue()).toBe('上午给安泰发报价，下午拜访新客户');
    await screenshot(page, 'daily-report');
  });

  it("a manager sees the team's day, who logged nothing, and opens the rep's report", async () => {
    await as('manager');
    await page.goto(`${server.url}/daily-report/team`);
    const silent = page.getByTestId('team-silent');
    await silent.getByText('吴佳怡').waitFor();
    expect(await silent.innerText()).not.toContain('周小舟');
    const reps = page.getByTestId('team-rep-table');
    await reps.getByText('周小舟').waitFor();
    await screenshot(page, 'daily-report-team');

    await reps.getByRole('link', { name: '周小舟' }).click();
    await page.getByText('周小舟 的销售日报').waitFor();
    await page.getByText('安泰基本认可方案，等对方内部评审').waitFor();
    // The manager reads; only the rep writes his own notes.
    expect(await page.getByTestId('daily-comment').count()).toBe(0);

    await page.goto(`${server.url}/daily-report/team?period=week`);
    await page.getByTestId('team-rep-table').getByText('周小舟').waitFor();
  });
});
