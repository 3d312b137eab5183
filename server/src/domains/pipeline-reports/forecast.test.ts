import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { addMonths, monthRange } from './report-filters.js';
import { grantReportPermission, makeOpportunity, makePipeline, type Owner } from './report-test-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
  await grantReportPermission(t.db);
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof makeTeam>>;
const owners = (team: Team) => ({
  a: { userId: team.repA.userId, deptId: team.departments.shanghai } as Owner,
  b: { userId: team.repB.userId, deptId: team.departments.shanghai } as Owner,
  south: { userId: team.repSouth.userId, deptId: team.departments.south } as Owner,
});
const forecastOf = async (team: Team, query = '') => {
  const res = await team.director.get(`/api/v1/reports/forecast?departmentId=${team.departments.center}${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
type Figures = { month: string; forecast: string; forecastCount: number; won: string; wonCount: number };
const month = (list: Figures[], m: string) => list.find((f) => f.month === m) as Figures;

describe('forecast months (company time zone)', () => {
  it('defaults to this month and the next, as seen in Shanghai', () => {
    // 00:30 on 1 April in Shanghai is still 31 March in UTC.
    expect(monthRange({}, new Date('2026-03-31T16:30:00Z'), 'Asia/Shanghai', { from: 0, to: 1 }).months).toEqual(['2026-04', '2026-05']);
    expect(monthRange({}, new Date('2026-03-31T15:59:59Z'), 'Asia/Shanghai', { from: 0, to: 1 }).months).toEqual(['2026-03', '2026-04']);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});

describe('forecast (O5, seed 002)', () => {
  it('counts an open opportunity at exactly 70 % and leaves out 69.99 %', async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a } = owners(team);
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '100000.00',
      probability: 70,
      expectedCloseDate: '2026-03-20',
    });
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '500000.00',
      probability: 69.99,
      expectedCloseDate: '2026-03-21',
    });
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '80000.00',
      probability: 90,
      expectedCloseDate: '2026-04-30',
    });
    const body = await forecastOf(team);
    expect(body.threshold).toBe(70);
    expect(body.months).toEqual(['2026-03', '2026-04']);
    expect(body.currentMonth).toBe('2026-03');
    // 100,000 × 70 % in March; 80,000 × 90 % in April; the 69.99 % one nowhere.
    expect(month(body.total, '2026-03')).toMatchObject({ forecast: '70000.00', forecastCount: 1 });
    expect(month(body.total, '2026-04')).toMatchObject({ forecast: '72000.00', forecastCount: 1 });
  });

  it('leaves won and lost opportunities out, and shows the signed amount of the month beside it', async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a } = owners(team);
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '200000.00',
      probability: 80,
      expectedCloseDate: '2026-03-25',
    });
    // Won (100 %) with an expected close date in March: signed, not forecast.
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'won',
      amount: '300000.00',
      expectedCloseDate: '2026-03-05',
      closedAt: '2026-03-05T02:00:00Z',
    });
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'lost',
      amount: '900000.00',
      probability: 0,
      expectedCloseDate: '2026-03-15',
      closedAt: '2026-03-06T02:00:00Z',
    });
    const body = await forecastOf(team);
    expect(month(body.total, '2026-03')).toMatchObject({ forecast: '160000.00', forecastCount: 1, won: '300000.00', wonCount: 1 });
  });

  it('rounds the weighted sum once, not each opportunity', async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a } = owners(team);
    // 3 × 10,000.01 × 75 % = 22,500.0225 → 22,500.02 (rounding each to 7,500.01 would give 22,500.03).
    for (let i = 0; i < 3; i++)
      await makeOpportunity(t.db, {
        owner: a,
        pipeline: p,
        stage: 'quote',
        amount: '10000.01',
        probability: 75,
        expectedCloseDate: '2026-03-31',
      });
    expect(month((await forecastOf(team)).total, '2026-03').forecast).toBe('22500.02');
  });

  it('puts a deal in the month it was won in Shanghai, and "this month" turns at Shanghai midnight', async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a } = owners(team);
    // 23:59:59 on 31 March in Shanghai, and 00:00 on 1 April in Shanghai (still 31 March in UTC).
    await makeOpportunity(t.db, { owner: a, pipeline: p, stage: 'won', amount: '1000.00', closedAt: '2026-03-31T15:59:59Z' });
    await makeOpportunity(t.db, { owner: a, pipeline: p, stage: 'won', amount: '2000.00', closedAt: '2026-03-31T16:00:00Z' });
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '10000.00',
      probability: 70,
      expectedCloseDate: '2026-04-01',
    });
    t.clock.set('2026-03-31T16:30:00Z');
    const body = await forecastOf(team);
    expect(body.currentMonth).toBe('2026-04');
    expect(body.months).toEqual(['2026-04', '2026-05']);
    expect(month(body.total, '2026-04')).toMatchObject({ won: '2000.00', wonCount: 1, forecast: '7000.00' });
    const march = await forecastOf(team, '&from=2026-03&to=2026-03');
    expect(march.total).toEqual([expect.objectContaining({ month: '2026-03', won: '1000.00', wonCount: 1, forecast: '0.00' })]);
  });

  it('rolls departments up over their sub-departments, and per rep', async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a, b, south } = owners(team);
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '100000.00',
      probability: 80,
      expectedCloseDate: '2026-03-12',
    });
    await makeOpportunity(t.db, {
      owner: b,
      pipeline: p,
      stage: 'quote',
      amount: '50000.00',
      probability: 90,
      expectedCloseDate: '2026-03-13',
    });
    await makeOpportunity(t.db, {
      owner: south,
      pipeline: p,
      stage: 'quote',
      amount: '200000.00',
      probability: 70,
      expectedCloseDate: '2026-03-14',
    });
    const body = await forecastOf(team);
    const dept = (id: string) =>
      month(body.departments.find((d: { departmentId: string }) => d.departmentId === id).months, '2026-03').forecast;
    expect(dept(team.departments.shanghai)).toBe('125000.00'); // 80,000 + 45,000
    expect(dept(team.departments.east)).toBe('125000.00'); // its only sub-department
    expect(dept(team.departments.south)).toBe('140000.00');
    expect(dept(team.departments.center)).toBe('265000.00'); // everything below 销售中心
    expect(month(body.total, '2026-03').forecast).toBe('265000.00');
    // Reps ranked by forecast: 华南's rep first.
    expect(body.reps.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([south.userId, a.userId, b.userId]);
    expect(body.reps.total).toBe(3);
    const paged = await forecastOf(team, '&pageSize=1&page=2');
    expect(paged.reps.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([a.userId]);
    expect(paged.reps.total).toBe(3);

    // Ranked by the month asked for: A's big April deal puts him first for April.
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '1000000.00',
      probability: 80,
      expectedCloseDate: '2026-04-02',
    });
    const april = await forecastOf(team, '&month=2026-04');
    expect(april.reps.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([a.userId, south.userId, b.userId]);
    expect((await forecastOf(team)).reps.items[0].ownerId).toBe(south.userId);

    // The 华东 manager sees his departments and reps only.
    const east = await team.eastManager.get('/api/v1/reports/forecast');
    expect(east.body.departments.map((d: { departmentId: string }) => d.departmentId).sort()).toEqual(
      [team.departments.east, team.departments.shanghai].sort(),
    );
    expect(month(east.body.total, '2026-03').forecast).toBe('125000.00');
    expect(east.body.reps.items.map((r: { ownerId: string }) => r.ownerId).sort()).toEqual([a.userId, b.userId].sort());
  });

  it("shows a rep his own figures only, and no department's", async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a, b } = owners(team);
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '100000.00',
      probability: 80,
      expectedCloseDate: '2026-03-12',
    });
    await makeOpportunity(t.db, {
      owner: b,
      pipeline: p,
      stage: 'quote',
      amount: '50000.00',
      probability: 90,
      expectedCloseDate: '2026-03-13',
    });
    const res = await team.repA.get('/api/v1/reports/forecast');
    expect(res.status).toBe(200);
    expect(res.body.departments).toEqual([]);
    expect(res.body.reps.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([a.userId]);
    expect(month(res.body.total, '2026-03').forecast).toBe('80000.00');
    // Asking for someone else's figures narrows to nothing rather than widening the scope.
    const other = await team.repA.get(`/api/v1/reports/forecast?ownerId=${b.userId}`);
    expect(month(other.body.total, '2026-03').forecast).toBe('0.00');
  });

  it('totals the forecast categories beside the weighted figure', async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a } = owners(team);
    const base = { owner: a, pipeline: p, expectedCloseDate: '2026-03-20' };
    await makeOpportunity(t.db, { ...base, stage: 'quote', amount: '100000.00', probability: 80, forecastCategory: 'commit' });
    await makeOpportunity(t.db, { ...base, stage: 'intent', amount: '60000.00', probability: 50, forecastCategory: 'best_case' });
    await makeOpportunity(t.db, { ...base, stage: 'needs', amount: '40000.00', probability: 30, forecastCategory: 'pipeline' });
    await makeOpportunity(t.db, { ...base, stage: 'initial', amount: '9000.00', probability: 10, forecastCategory: 'omitted' });
    await makeOpportunity(t.db, { ...base, stage: 'intent', amount: '5000.00', probability: 50, forecastCategory: 'commit' });
    const march = month((await forecastOf(team)).total, '2026-03') as Figures & Record<string, string>;
    expect(march).toMatchObject({
      forecast: '80000.00',
      commit: '105000.00',
      bestCase: '60000.00',
      pipeline: '40000.00',
      omitted: '9000.00',
    });
  });

  it("lets a manager set his team's number with a note, keeps the history, and leaves the opportunities alone", async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a } = owners(team);
    const opp = await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '100000.00',
      probability: 80,
      expectedCloseDate: '2026-03-12',
    });
    const first = await team.eastManager.post('/api/v1/reports/forecast/adjustments', {
      departmentId: team.departments.east,
      month: '2026-03',
      amount: '90000',
      note: '大客户下周签，按 9 万报',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: '90000.00', month: '2026-03', createdByName: team.eastManager.username });
    const second = await team.eastManager.post('/api/v1/reports/forecast/adjustments', {
      departmentId: team.departments.east,
      month: '2026-03',
      amount: '60000.50',
      note: '客户预算推迟，下调',
    });
    expect(second.status).toBe(201);

    const body = await forecastOf(team);
    const east = body.departments.find((d: { departmentId: string }) => d.departmentId === team.departments.east);
    expect(month(east.months, '2026-03')).toMatchObject({
      forecast: '80000.00',
      adjustment: { amount: '60000.50', note: '客户预算推迟，下调' },
    });
    const history = await team.eastManager.get(`/api/v1/reports/forecast/adjustments?departmentId=${team.departments.east}`);
    expect(history.body.items.map((h: { amount: string }) => h.amount)).toEqual(['60000.50', '90000.00']);
    expect(history.body.total).toBe(2);
    const row = await t.db
      .selectFrom('opportunities')
      .select(['amount', 'probability', 'version'])
      .where('id', '=', opp)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ amount: '100000.00', probability: '80.00', version: 1 });

    // Withdrawn: the computed figure stands alone again.
    await team.eastManager.post('/api/v1/reports/forecast/adjustments', {
      departmentId: team.departments.east,
      month: '2026-03',
      amount: null,
      note: '按系统数字',
    });
    const after = (await forecastOf(team)).departments.find((d: { departmentId: string }) => d.departmentId === team.departments.east);
    expect(month(after.months, '2026-03')).toMatchObject({ adjustment: null });

    // A rep has no team number; a manager cannot set another region's.
    const rep = await team.repA.post('/api/v1/reports/forecast/adjustments', {
      departmentId: team.departments.shanghai,
      month: '2026-03',
      amount: '1',
      note: 'x',
    });
    expect(rep.status).toBe(403);
    const other = await team.eastManager.post('/api/v1/reports/forecast/adjustments', {
      departmentId: team.departments.south,
      month: '2026-03',
      amount: '1',
      note: 'x',
    });
    expect(other.status).toBe(404);
    const noNote = await team.eastManager.post('/api/v1/reports/forecast/adjustments', {
      departmentId: team.departments.east,
      month: '2026-03',
      amount: '1',
      note: '  ',
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields.note).toBeTruthy();
  });

  it('refuses a backwards or too long range with a field message, never a 500', async () => {
    const team = await makeTeam(t.app, t.db);
    const backwards = await team.director.get('/api/v1/reports/forecast?from=2026-05&to=2026-03');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.to).toBe('结束不能早于开始');
    const long = await team.director.get('/api/v1/reports/forecast?from=2024-01&to=2026-12');
    expect(long.status).toBe(400);
    expect(long.body.error.fields.to).toBe('最多选 24 个月');
    const bad = await team.director.get('/api/v1/reports/forecast?from=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.from).toBeTruthy();
  });

  it('follows the threshold an admin sets', async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a } = owners(team);
    await makeOpportunity(t.db, {
      owner: a,
      pipeline: p,
      stage: 'quote',
      amount: '100000.00',
      probability: 75,
      expectedCloseDate: '2026-03-12',
    });
    expect(
      (
        await team.director.request('PUT', '/api/v1/reports/settings', {
          forecastThreshold: 80,
          deviationPoints: 5,
          industrySource: 'customer',
        })
      ).status,
    ).toBe(403);
    const saved = await admin.request('PUT', '/api/v1/reports/settings', {
      forecastThreshold: 80,
      deviationPoints: 5,
      industrySource: 'customer',
    });
    expect(saved.status).toBe(200);
    try {
      const body = await forecastOf(team);
      expect(body.threshold).toBe(80);
      expect(month(body.total, '2026-03').forecast).toBe('0.00');
    } finally {
      await admin.request('PUT', '/api/v1/reports/settings', { forecastThreshold: 70, deviationPoints: 5, industrySource: 'customer' });
    }
    expect(month((await forecastOf(team)).total, '2026-03').forecast).toBe('75000.00');
  });
});

describe('OpenAPI', () => {
  it("documents each report's filters", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json() as { paths: Record<string, { get?: { parameters?: { name: string; description?: string }[] } }> };
    for (const report of ['forecast', 'pipeline-totals', 'funnel', 'sources', 'stage-conversion']) {
      const params = doc.paths[`/api/v1/reports/${report}`]?.get?.parameters ?? [];
      const names = params.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['departmentId', 'ownerId', 'pipelineId']));
      expect(params.find((p) => p.name === 'departmentId')?.description).toMatch(/sub-departments/);
    }
    const forecast = doc.paths['/api/v1/reports/forecast'].get?.parameters?.map((p) => p.name);
    expect(forecast).toEqual(expect.arrayContaining(['from', 'to', 'month', 'page', 'pageSize']));
  });
});
