import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, chooseOption, launchBrowser, screenshot, signIn, signOut } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const ADMIN_PASSWORD = 'Admin12345';
const REP = { username: 'e2e.deal', name: '签单小李', password: 'Qiandan2026ok' };
const DEAL = '2027 年度 MES 系统采购';

let server: RunningServer;
let browser: Browser;
let page: Page;

// Today and this month in the company's time zone: the deal is expected to close this month.
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const month = today.slice(0, 7);

beforeAll(async () => {
  server = await startServer({ CRM_ADMIN_PASSWORD: ADMIN_PASSWORD, CRM_DEMO: '0' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
  await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
  const dept = await apiCall(page, 'POST', '/departments', { name: '华东销售部' });
  const created = await apiCall(page, 'POST', '/users', {
    username: REP.username,
    displayName: REP.name,
    password: REP.password,
    roles: ['rep'],
    departmentId: dept.id,
  });
  expect(created.id).toBeDefined();
  await signOut(page);
  await signIn(page, server.url, REP.username, REP.password);
  const customer = await apiCall(page, 'POST', '/customers', { name: '苏州精工机电有限公司' });
  const pipelines = await apiCall(page, 'GET', '/pipelines');
  const standard = pipelines.items.find((p: { key: string }) => p.key === 'standard');
  const quote = standard.stages.find((s: { labels: Record<string, string> }) => s.labels['zh-CN'] === '报价');
  const deal = await apiCall(page, 'POST', '/opportunities', {
    customerId: customer.id,
    name: DEAL,
    amount: '200000',
    stageId: quote.id,
    expectedCloseDate: today,
  });
  expect(deal.probability).toBe(70);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const column = (key: string) => page.getByTestId(`column-${key}`);
const forecast = async () => (await apiCall(page, 'GET', `/reports/forecast?from=${month}&to=${month}`)).total[0];

describe('pipeline story: a rep drags a quoted deal to signed', () => {
  it('shows the deal under 报价 with the column totals, and counts it in this month’s forecast', async () => {
    await page.goto(`${server.url}/opportunities`);
    await expect.poll(() => column('quote').getByTestId('column-count').innerText()).toBe('1');
    expect(await column('quote').getByTestId('column-amount').innerText()).toBe('¥20.00 万');
    expect(await column('quote').getByTestId('column-weighted').innerText()).toContain('¥14.00 万');
    expect(await column('won').getByTestId('column-count').innerText()).toBe('0');
    // 70 % meets the 70 % threshold exactly: the weighted amount is in the forecast, nothing signed yet.
    expect(await forecast()).toMatchObject({ forecast: '140000.00', won: '0.00' });
    await screenshot(page, 'pipeline-board-before');
  });

  it('moves it to 成功签约 by drag and drop: the totals and the forecast follow', async () => {
    const card = column('quote').getByTestId('opportunity-card').filter({ hasText: DEAL });
    await card.dragTo(column('won'));
    await expect.poll(() => column('won').getByTestId('column-count').innerText(), { timeout: 10_000 }).toBe('1');
    expect(await column('won').getByTestId('column-amount').innerText()).toBe('¥20.00 万');
    expect(await column('quote').getByTestId('column-count').innerText()).toBe('0');
    expect(await column('won').innerText()).toContain(DEAL);
    // Won deals leave the forecast and show as signed this month.
    await expect.poll(async () => (await forecast()).won).toBe('200000.00');
    expect((await forecast()).forecast).toBe('0.00');
    await screenshot(page, 'pipeline-board-after');

    await page.goto(`${server.url}/reports/forecast`);
    const card2 = page.getByTestId(`forecast-card-${month}`);
    await expect.poll(() => card2.innerText()).toContain('¥200,000.00');
    await screenshot(page, 'pipeline-forecast');
  });

  it('marks a deal lost from the card’s menu (no dragging, as on a phone), asking why', async () => {
    const customers = await apiCall(page, 'GET', '/customers');
    const pipelines = await apiCall(page, 'GET', '/pipelines');
    const needs = pipelines.items[0].stages.find((s: { labels: Record<string, string> }) => s.labels['zh-CN'] === '需求沟通');
    await apiCall(page, 'POST', '/opportunities', {
      customerId: customers.items[0].id,
      name: '备件框架协议',
      amount: '50000',
      stageId: needs.id,
    });
    await page.goto(`${server.url}/opportunities`);
    const card = column('needs').getByTestId('opportunity-card').filter({ hasText: '备件框架协议' });
    await card.getByTestId('card-move').click();
    await page.locator('.ant-dropdown-menu-item').filter({ hasText: '推进到「输单」' }).click();
    await chooseOption(page, '.ant-modal #lostReason', '价格没谈拢');
    await page.locator('.ant-modal').getByRole('button', { name: '确认输单' }).click();
    await expect.poll(() => column('lost').getByTestId('column-count').innerText(), { timeout: 10_000 }).toBe('1');
    expect(await column('needs').getByTestId('column-count').innerText()).toBe('0');
    const lost = await apiCall(page, 'GET', '/opportunities?status=lost');
    expect(lost.items[0]).toMatchObject({ name: '备件框架协议', lostReason: 'price' });
  });

  it('keeps the stage history on the deal’s page', async () => {
    await page.goto(`${server.url}/opportunities`);
    await column('won').getByRole('link', { name: DEAL }).click();
    await page.getByTestId('opportunity-detail-name').waitFor();
    await expect.poll(() => page.getByTestId('stage-history-item').count()).toBe(2);
    const history = await page.getByTestId('stage-history-item').allInnerTexts();
    expect(history[0]).toContain('进入「成功签约」');
    expect(history[0]).toContain('从「报价」');
    expect(history[1]).toContain('进入「报价」');
  });
});
