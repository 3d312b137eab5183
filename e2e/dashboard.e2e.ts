import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, signIn, signOut } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { findDepartment, startSignedIn } from './support/setup.js';

// A manager of 华东销售部 (the demo company's 上海一组 and 杭州组 under it) who reads traditional Chinese.
const MANAGER = { username: 'e2e.boss', name: '林經理', password: 'Jingli2026ok' };
const SHOTS = 'docs/screenshots';

let server: RunningServer;
let browser: Browser;
let page: Page;

async function shot(p: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await p.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Signs in and waits for the dashboard's cards and their charts. */
async function openDashboard(p: Page) {
  await signIn(p, server.url, MANAGER.username, MANAGER.password);
  await p.getByTestId('dashboard-grid').waitFor();
  await p.getByTestId('dashboard-card-funnel').locator('canvas').first().waitFor();
  // ECharts animates its first drawing.
  await p.waitForTimeout(1200);
}

beforeAll(async () => {
  ({ server, browser, page } = await startSignedIn({ demo: true, locale: 'zh-TW' }));
  const east = await findDepartment(page, '华东销售部');
  const created = await apiCall(page, 'POST', '/users', {
    username: MANAGER.username,
    displayName: MANAGER.name,
    password: MANAGER.password,
    roles: ['manager'],
    departmentId: east.id,
    locale: 'zh-TW',
  });
  expect(created.id).toBeDefined();
  await signOut(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('dashboard story: a manager starts the day on 工作台 (zh-TW)', () => {
  it('opens on the dashboard with the team cards and no rep card', async () => {
    await openDashboard(page);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('.page-header h4').innerText()).toContain(MANAGER.name);
    for (const key of [
      'pipeline-totals',
      'pending-approvals',
      'forecast',
      'funnel',
      'leaderboard',
      'overdue-receivables',
      'expenses-by-category',
      'target-attainment',
      'data-timeliness',
    ]) {
      expect(await page.getByTestId(`dashboard-card-${key}`).count(), key).toBe(1);
    }
    for (const key of ['today-tasks', 'today-visits', 'due-follow-ups', 'closing-this-month']) {
      expect(await page.getByTestId(`dashboard-card-${key}`).count(), key).toBe(0);
    }
    expect(await page.getByTestId('dashboard-card-funnel').innerText()).toContain('銷售漏斗');
    await shot(page, 'dashboard-desktop');
  });

  it("clicks the funnel's 報價 stage and lands on the opportunity list filtered to it", async () => {
    const funnel = page.getByTestId('dashboard-card-funnel');
    const quote = funnel.getByRole('link', { name: '報價', exact: true });
    const count = Number((await quote.locator('xpath=..').innerText()).match(/(\d+) 個商機/)?.[1]);
    expect(count).toBeGreaterThan(0);
    await quote.click();
    await page.waitForURL(/\/opportunities\/list\?/);
    const params = new URL(page.url()).searchParams;
    expect(params.get('status')).toBe('open');
    const dashboard = await apiCall(page, 'GET', '/dashboard');
    const funnelData = dashboard.cards.find((c: { key: string }) => c.key === 'funnel').data;
    const stage = funnelData.stages.find((s: { labels: Record<string, string> }) => s.labels['zh-TW'] === '報價');
    expect(params.get('stageId')).toBe(stage.stageId);
    expect(params.get('pipelineId')).toBe(funnelData.pipelineId);
    // The list shows exactly the deals the funnel counted, all of them at 報價.
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(Math.min(count, 20));
    expect(await page.locator('.ant-table-tbody').innerText()).toContain('報價');
    const list = await apiCall(page, 'GET', `/opportunities?stageId=${stage.stageId}&status=open&pipelineId=${funnelData.pipelineId}`);
    expect(list.total).toBe(count);
  });

  it('downloads the dashboard as Excel and prints it without the menu', async () => {
    await page.goto(server.url);
    await page.getByTestId('dashboard-grid').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^工作台-\d{8}\.xlsx$/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('dashboard-export').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('stacks the cards at phone width', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-TW', isMobile: true, hasTouch: true });
    await openDashboard(phone);
    const boxes = await phone.locator('.dashboard-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON()));
    // Every card the server sends the manager is drawn, one under the other.
    expect(boxes.length).toBe((await apiCall(phone, 'GET', '/dashboard')).cards.length);
    expect(boxes.length).toBeGreaterThanOrEqual(9);
    for (const [i, b] of boxes.entries()) {
      expect(b.width).toBeGreaterThan(330);
      expect(b.right).toBeLessThanOrEqual(390);
      if (i > 0) expect(b.top).toBeGreaterThanOrEqual(boxes[i - 1].bottom);
    }
    await shot(phone, 'dashboard-phone');
    await phone.close();
  });
});
