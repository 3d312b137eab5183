import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, chooseOption, screenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { createUsers, startSignedIn, switchUser } from './support/setup.js';

// T1/T2 (seed 001 目标分解, seed 002 已签约 + 预计签约 vs 目标): a manager sets his group's yearly target
// for new customers, splits it evenly to his two reps and twelve months, checks the sums live, and
// sees in 目标达成 the customer his rep brought in this month counted against the month's target.

const PASSWORD = 'Mubiao2026ok';
const USERS = {
  manager: { username: 'e2e.qian', name: '钱经理', role: 'manager' },
  zhou: { username: 'e2e.zhou', name: '周小舟', role: 'rep' },
  wu: { username: 'e2e.wu', name: '吴佳怡', role: 'rep' },
} as const;
type Who = keyof typeof USERS;

let server: RunningServer;
let browser: Browser;
let page: Page;
let year: string;
let month: string;

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn());
  const east = await apiCall(page, 'POST', '/departments', { name: '华东销售部' });
  const group = await apiCall(page, 'POST', '/departments', { name: '上海一组', parentId: east.id });
  const ids = await createUsers(page, USERS, PASSWORD, (key) => (key === 'manager' ? east.id : group.id));
  await apiCall(page, 'PATCH', `/departments/${east.id}`, { managerId: ids.manager, version: east.version });
  // 周小舟 brings in a new customer today.
  await as('zhou');
  await apiCall(page, 'POST', '/customers', { name: '上海新开拓贸易有限公司' });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  year = today.slice(0, 4);
  month = today.slice(0, 7);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function as(who: Who) {
  return switchUser(page, server.url, USERS[who].username, PASSWORD);
}

const text = (testId: string) => page.getByTestId(testId).innerText();

describe('T1/T2: a manager splits a department target to people and months and sees attainment', () => {
  it('sets 上海一组’s yearly new-customer target and splits it evenly, the sums checked live', async () => {
    await as('manager');
    await page.goto(`${server.url}/targets`);
    await page.getByTestId('target-create').click();
    await chooseOption(page, '.ant-modal #type', '新客户数');
    await chooseOption(page, '.ant-modal #departmentId', '上海一组');
    await page.locator('.ant-modal #amount').fill('24');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('target-grid').waitFor();
    expect(await text('grid-remainder')).toBe('24');

    await page.getByTestId('split-even').click();
    await expect.poll(() => text('grid-remainder')).toBe('0');
    expect(await page.getByTestId('cell-周小舟-1').inputValue()).toBe('1');
    expect(await text('month-total-12')).toBe('2');
    expect(await text('grid-total')).toBe('24');

    // A cell typed by hand past the target: the remainder turns into an excess and saving waits.
    await page.getByTestId('cell-吴佳怡-3').fill('5');
    await expect.poll(() => text('grid-remainder')).toBe('超出 4');
    expect(await page.getByTestId('split-save').isDisabled()).toBe(true);
    await page.getByTestId('cell-吴佳怡-3').fill('1');
    await expect.poll(() => text('grid-remainder')).toBe('0');
    await page.getByTestId('split-save').click();
    await page.getByText('分解已保存').waitFor();
    await screenshot(page, 'target-split');

    await page.goto(`${server.url}/targets?year=${year}`);
    await expect.poll(() => text('targets-table')).toContain('上海一组');
    expect(await text('targets-table')).toContain('新客户数');
  });

  it('sees this month’s attainment for the department and, drilling in, for each rep', async () => {
    await page.goto(`${server.url}/reports/attainment?type=new_customers&period=${month}`);
    await expect.poll(() => text('attainment-table')).toContain('华东销售部');
    await page.getByTestId('drill-上海一组').click();
    const row = (name: string) => page.getByTestId('attainment-table').locator('tr', { hasText: name });
    await expect.poll(() => row('周小舟').innerText()).toContain('100.00%');
    const zhou = await row('周小舟').innerText();
    expect(zhou).toMatch(/周小舟\s+1\s+1/);
    await expect.poll(() => row('吴佳怡').innerText()).toContain('0.00%');
    // The group: 2 this month, 1 in.
    await expect.poll(() => row('上海一组').innerText()).toContain('50.00%');
    await screenshot(page, 'target-attainment');

    const api = await apiCall(page, 'GET', `/targets/attainment?type=new_customers&period=${year}`);
    expect(api.rows[0]).toMatchObject({ kind: 'department', name: '华东销售部', actual: '1.00' });
  });
});
