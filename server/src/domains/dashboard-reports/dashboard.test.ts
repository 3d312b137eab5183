import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayStart } from '../../platform/dates.js';
import { makeAdmin, makeClient, makeCustomer, makeTeam, uniq } from '../../test/factories.js';
import { effectiveContract, planInThirds } from '../../test/receivable-factories.js';
import { startTestApp, type Client, type TestApp } from '../../test/test-app.js';
import { grantReportPermission, makeOpportunity, makePipeline, type Owner } from '../pipeline-reports/report-test-data.js';

// T4 工作台: each card is its own endpoint's answer for the same caller at the same instant.

const TZ = 'Asia/Shanghai';
const TODAY = '2026-12-15';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // 10:00 in Shanghai, mid-month: "this month", "today" and "overdue" are unambiguous.
  t.clock.set('2026-12-15T02:00:00Z');
  await grantReportPermission(t.db);
});
afterAll(() => t.close());

const REP_CARDS = ['target-attainment', 'today-tasks', 'today-visits', 'due-follow-ups', 'closing-this-month', 'forecast'];
const MANAGER_CARDS = [
  'target-attainment',
  'pending-approvals',
  'forecast',
  'funnel',
  'pipeline-totals',
  'leaderboard',
  'overdue-receivables',
  'expenses-by-category',
  'data-timeliness',
];

async function get(client: Client, url: string) {
  const res = await client.get(url);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}
async function dashboard(client: Client) {
  const body = await get(client, '/api/v1/dashboard');
  return { ...body, card: (key: string) => body.cards.find((c: { key: string }) => c.key === key)?.data };
}

async function seedTeam() {
  const team = await makeTeam(t.app, t.db);
  const p = await makePipeline(t.db);
  // The funnel card shows the default pipeline: this test's.
  await sql`UPDATE pipelines SET is_default = (id = ${p.id})`.execute(t.db);
  const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
  const b: Owner = { userId: team.repB.userId, deptId: team.departments.shanghai };
  const closing = await makeOpportunity(t.db, {
    owner: a,
    pipeline: p,
    stage: 'quote',
    amount: '120000.00',
    expectedCloseDate: '2026-12-28',
  });
  await makeOpportunity(t.db, { owner: a, pipeline: p, stage: 'needs', amount: '50000.00', expectedCloseDate: '2027-01-10' });
  await makeOpportunity(t.db, { owner: a, pipeline: p, stage: 'won', amount: '80000.00', closedAt: '2026-12-03T03:00:00Z' });
  await makeOpportunity(t.db, { owner: b, pipeline: p, stage: 'won', amount: '200000.00', closedAt: '2026-12-10T03:00:00Z' });
  // Won on 1 December at 00:30 in Shanghai (30 November in UTC): this month's, in the company's time zone.
  await makeOpportunity(t.db, { owner: b, pipeline: p, stage: 'won', amount: '1000.00', closedAt: '2026-11-30T16:30:00Z' });
  await makeOpportunity(t.db, { owner: b, pipeline: p, stage: 'won', amount: '9999.00', closedAt: '2026-11-20T03:00:00Z' });

  const customer = await makeCustomer(team.repA, { name: uniq('上海华创精密机械') });
  const task = await team.repA.post('/api/v1/tasks', { title: '给华创发报价单', dueAt: '2026-12-15T10:00:00+08:00' });
  expect(task.status).toBe(201);
  await team.repA.post('/api/v1/tasks', { title: '催华创回款', dueAt: '2026-12-14T10:00:00+08:00' });
  await team.repA.post('/api/v1/tasks', { title: '下周的事', dueAt: '2026-12-20T10:00:00+08:00' });
  const visit = await team.repA.post('/api/v1/visit-plans', { planDate: TODAY, customerId: customer.id, purpose: '演示新机型' });
  expect(visit.status).toBe(201);
  return { team, p, closing, customer };
}

describe('home dashboard (T4)', () => {
  it("a rep gets his own cards only, each equal to its list or report endpoint's answer", async () => {
    const { team, closing } = await seedTeam();
    const d = await dashboard(team.repA);
    expect(d.today).toBe(TODAY);
    expect(d.audience).toBe('rep');
    expect(d.cards.map((c: { key: string }) => c.key)).toEqual(REP_CARDS);

    const dueFrom = dayStart(TODAY, TZ).toISOString();
    const dueTo = dayStart('2026-12-16', TZ).toISOString();
    const tasks = await get(team.repA, `/api/v1/tasks?status=open,in_progress&dueFrom=${dueFrom}&dueTo=${dueTo}&pageSize=10`);
    expect(d.card('today-tasks').today).toEqual(tasks);
    expect(tasks.items.map((x: { title: string }) => x.title)).toEqual(['给华创发报价单']);
    expect(d.card('today-tasks').overdue).toBe((await get(team.repA, '/api/v1/tasks?overdue=true&pageSize=1')).total);
    expect(d.card('today-tasks').overdue).toBe(1);

    const visits = await get(team.repA, `/api/v1/visit-plans?from=${TODAY}&to=${TODAY}`);
    expect(d.card('today-visits')).toEqual(visits);
    expect(visits.items).toHaveLength(1);

    expect(d.card('due-follow-ups')).toEqual(await get(team.repA, '/api/v1/customers/due-for-follow-up?pageSize=10'));

    const deals = await get(team.repA, '/api/v1/opportunities?closeMonth=2026-12&status=open&sort=expectedCloseDate&pageSize=10');
    expect(d.card('closing-this-month')).toEqual(deals);
    expect(deals.items.map((o: { id: string }) => o.id)).toEqual([closing]);

    const forecast = await get(team.repA, '/api/v1/reports/forecast?pageSize=5');
    expect(d.card('forecast')).toEqual(forecast);
    expect(d.card('target-attainment')).toEqual(await get(team.repA, '/api/v1/targets/attainment?type=signed_amount'));
    // His forecast: 120,000 × 70 % this month; 80,000 signed this month.
    expect(forecast.total[0]).toMatchObject({ month: '2026-12', forecast: '84000.00', won: '80000.00' });
  });

  it("a manager gets the team's cards and no rep card, each equal to its report endpoint's answer", async () => {
    const { team, p } = await seedTeam();
    // 90,000 in thirds due 31 Oct, 30 Nov and 31 Dec: on 15 December 60,000 is overdue.
    const admin = await makeAdmin(t.app, t.db);
    const contract = await effectiveContract(t.db, admin.userId, team.repA, '90000.00', { signDate: '2026-10-01' });
    await planInThirds(team.repA, contract.id, '2026-10-31');
    const d = await dashboard(team.eastManager);
    expect(d.audience).toBe('manager');
    expect(d.cards.map((c: { key: string }) => c.key)).toEqual(MANAGER_CARDS);

    expect(d.card('forecast')).toEqual(await get(team.eastManager, '/api/v1/reports/forecast?pageSize=5'));
    expect(d.card('funnel')).toEqual(await get(team.eastManager, '/api/v1/reports/funnel?pageSize=5'));
    expect(d.card('pipeline-totals')).toEqual(await get(team.eastManager, '/api/v1/reports/pipeline-totals'));
    expect(d.card('leaderboard')).toEqual(await get(team.eastManager, '/api/v1/reports/leaderboard?limit=10'));
    const aging = await get(team.eastManager, '/api/v1/reports/receivables-aging?groupBy=owner');
    expect(d.card('overdue-receivables')).toEqual(aging);
    expect(aging.totals).toMatchObject({ overdue: '60000.00', total: '90000.00' });
    expect(d.card('expenses-by-category')).toEqual(await get(team.eastManager, '/api/v1/expense-reports/summary'));
    expect(d.card('pending-approvals')).toEqual(await get(team.eastManager, '/api/v1/approvals?box=todo&pageSize=5'));
    expect(d.card('target-attainment')).toEqual(await get(team.eastManager, '/api/v1/targets/attainment?type=signed_amount'));
    expect(d.card('data-timeliness')).toEqual(await get(team.eastManager, '/api/v1/reports/data-timeliness?pageSize=5'));

    // The funnel's 报价 stage holds the one quoted deal; the list it links to shows the same one.
    const quote = d.card('funnel').team.cells.find((c: { stageId: string }) => c.stageId === p.stage.quote.id);
    expect(quote).toMatchObject({ count: 1, amount: '120000.00' });
    const list = await get(team.eastManager, `/api/v1/opportunities?pipelineId=${p.id}&stageId=${p.stage.quote.id}&status=open`);
    expect(list.total).toBe(quote.count);

    // 销售排行: signed this month by the company's calendar, best first; it agrees with the forecast's 已签约.
    const board = d.card('leaderboard');
    expect(board.month).toBe('2026-12');
    expect(board.items.map((r: { ownerId: string; wonAmount: string; rank: number }) => [r.ownerId, r.wonAmount, r.rank])).toEqual([
      [team.repB.userId, '201000.00', 1],
      [team.repA.userId, '80000.00', 2],
    ]);
    expect(board.total).toEqual({ reps: 2, wonCount: 3, wonAmount: '281000.00' });
    expect(d.card('forecast').total.find((f: { month: string }) => f.month === '2026-12').won).toBe(board.total.wonAmount);

    // 华南's manager sees none of 华东's figures.
    const south = await dashboard(team.southManager);
    expect(south.card('leaderboard').items).toEqual([]);
  });

  it('leaves out the cards a role has no permission for (absent, not empty)', async () => {
    const team = await makeTeam(t.app, t.db);
    const pm = await makeClient(t.app, t.db, { role: 'project_manager', departmentId: team.departments.east });
    const d = await dashboard(pm);
    expect(d.audience).toBe('manager');
    expect(d.cards.map((c: { key: string }) => c.key)).toEqual(['pending-approvals']);
  });

  it('downloads the figures as XLSX, one sheet per card in the caller’s language', async () => {
    const { team } = await seedTeam();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard?format=xlsx', headers: { cookie: team.eastManager.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('工作台-20261215.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '本月目标达成',
      '待我审批',
      '销售预测',
      '销售漏斗',
      '销售总览',
      '本月签约排行',
      '逾期应收',
      '费用构成',
      '数据及时性',
    ]);
    const board = book.getWorksheet('本月签约排行');
    expect(board?.getRow(1).values).toEqual([undefined, '名次', '销售', '部门', '签约单数', '赢单金额']);
    expect(board?.getRow(2).getCell(5).value).toBe('201000.00');
  });

  it('refuses a month that is no month with a field message', async () => {
    const team = await makeTeam(t.app, t.db);
    const res = await team.director.get('/api/v1/reports/leaderboard?month=2026-13');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.month).toBeTruthy();
  });
});
