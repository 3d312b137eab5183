import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { grantReportPermission, makeOpportunity, makePipeline, type Owner, SALESFORCE_STAGES } from './report-test-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await grantReportPermission(t.db);
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof makeTeam>>;
const totalsOf = async (client: Team['director'], query: string) => {
  const res = await client.get(`/api/v1/reports/pipeline-totals?${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
const stageRow = (body: { stages: { stageId: string }[] }, id: string) => body.stages.find((s) => s.stageId === id);

describe('pipeline totals (O6, seed 003)', () => {
  it("reproduces seed 003's dashboard: won 12.5 万, lost 5.5 万, open 235.8 万 expecting 129.52 万", async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db, SALESFORCE_STAGES);
    const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const b: Owner = { userId: team.repB.userId, deptId: team.departments.shanghai };
    const open = (owner: Owner, stage: string, amount: string, probability: number) =>
      makeOpportunity(t.db, { owner, pipeline: p, stage, amount, probability });
    // 价值主张: one customer (CCC营造) expecting 50 万.
    await open(a, 'value_proposition', '1000000.00', 50);
    await open(b, 'negotiation', '800000.00', 90);
    await open(a, 'qualification', '194000.00', 20);
    await open(b, 'prospecting', '364000.00', 10);
    await makeOpportunity(t.db, { owner: a, pipeline: p, stage: 'closed_won', amount: '125000.00' });
    await makeOpportunity(t.db, { owner: a, pipeline: p, stage: 'closed_lost', amount: '30000.00' });
    await makeOpportunity(t.db, { owner: b, pipeline: p, stage: 'closed_lost', amount: '25000.00' });

    const body = await totalsOf(team.director, `departmentId=${team.departments.center}`);
    expect(body.won).toEqual({ count: 1, amount: '125000.00' });
    expect(body.lost).toEqual({ count: 2, amount: '55000.00' });
    // 1,000,000 × 50 % + 800,000 × 90 % + 194,000 × 20 % + 364,000 × 10 % = 1,295,200
    expect(body.open).toEqual({ count: 4, amount: '2358000.00', expectedRevenue: '1295200.00' });
    expect(stageRow(body, p.stage.value_proposition.id)).toMatchObject({ count: 1, amount: '1000000.00', expectedRevenue: '500000.00' });
    expect(stageRow(body, p.stage.closed_won.id)).toMatchObject({ kind: 'won', count: 1, expectedRevenue: '125000.00' });
    expect(stageRow(body, p.stage.closed_lost.id)).toMatchObject({ kind: 'lost', count: 2, expectedRevenue: '0.00' });
    // Every stage of the pipeline is listed in order, empty ones with zeros.
    expect(body.stages.map((s: { stageId: string }) => s.stageId)).toEqual(SALESFORCE_STAGES.map(([key]) => p.stage[key].id));
    expect(stageRow(body, p.stage.perception.id)).toMatchObject({ count: 0, amount: '0.00', expectedRevenue: '0.00' });

    // Scoped: a rep sees his own pipeline only.
    const mine = await totalsOf(team.repB, '');
    expect(mine.open).toEqual({ count: 2, amount: '1164000.00', expectedRevenue: '756400.00' });
    expect(mine.lost).toEqual({ count: 1, amount: '25000.00' });
    expect(mine.won).toEqual({ count: 0, amount: '0.00' });
    // … and 华南's manager sees none of 华东's.
    const south = await totalsOf(team.southManager, `pipelineId=${p.id}`);
    expect(south.open.count).toBe(0);
    expect(south.stages.every((s: { count: number }) => s.count === 0)).toBe(true);
  });

  it('follows every write: a stage move, an amount change, a transfer and a deletion', async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const id = await makeOpportunity(t.db, { owner: a, pipeline: p, stage: 'needs', amount: '10000.00', probability: 30 });
    const other = await makeOpportunity(t.db, { owner: a, pipeline: p, stage: 'needs', amount: '5000.00', probability: 30 });
    const q = `departmentId=${team.departments.center}&pipelineId=${p.id}`;
    expect((await totalsOf(team.director, q)).open).toEqual({ count: 2, amount: '15000.00', expectedRevenue: '4500.00' });

    await t.db
      .updateTable('opportunities')
      .set({ stage_id: p.stage.quote.id, probability: 70, amount: '12000.00' })
      .where('id', '=', id)
      .execute();
    let body = await totalsOf(team.director, q);
    expect(body.open).toEqual({ count: 2, amount: '17000.00', expectedRevenue: '9900.00' }); // 12,000 × 70 % + 5,000 × 30 %
    expect(stageRow(body, p.stage.needs.id)).toMatchObject({ count: 1, amount: '5000.00' });
    expect(stageRow(body, p.stage.quote.id)).toMatchObject({ count: 1, amount: '12000.00', expectedRevenue: '8400.00' });

    await t.db
      .updateTable('opportunities')
      .set({ stage_id: p.stage.won.id, status: 'won', probability: 100, closed_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    body = await totalsOf(team.director, q);
    expect(body.won).toEqual({ count: 1, amount: '12000.00' });
    expect(body.open).toEqual({ count: 1, amount: '5000.00', expectedRevenue: '1500.00' });

    // Transferred to 华南: it leaves 华东's totals and shows in 华南's.
    await t.db
      .updateTable('opportunities')
      .set({ owner_id: team.repSouth.userId, owner_dept_id: team.departments.south })
      .where('id', '=', other)
      .execute();
    expect((await totalsOf(team.eastManager, `pipelineId=${p.id}`)).open.count).toBe(0);
    expect((await totalsOf(team.southManager, `pipelineId=${p.id}`)).open).toEqual({
      count: 1,
      amount: '5000.00',
      expectedRevenue: '1500.00',
    });

    await t.db.updateTable('opportunities').set({ deleted_at: sql`now()` }).where('id', 'in', [id, other]).execute();
    body = await totalsOf(team.director, q);
    expect(body.won.count + body.open.count + body.lost.count).toBe(0);
    // The counters equal a count over the table itself.
    const { rows } = await sql<{ diff: number }>`
      SELECT count(*)::int AS diff FROM (
        SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, count(*)::int AS n, sum(amount) AS amount
          FROM opportunities WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6
        EXCEPT
        SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, n, amount FROM opportunity_stage_totals WHERE n <> 0
      ) d`.execute(t.db);
    expect(rows[0].diff).toBe(0);
  });

  it('narrows the totals, the funnel, the forecast and the sources to one forecast category (the shared `category` filter)', async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db, SALESFORCE_STAGES);
    const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const deal = (forecastCategory: 'commit' | 'pipeline' | undefined, amount: string) =>
      makeOpportunity(t.db, {
        owner: a,
        pipeline: p,
        stage: 'negotiation',
        amount,
        probability: 90,
        forecastCategory,
        expectedCloseDate: '2026-03-20',
        createdAt: '2026-03-05T02:00:00.000Z',
      });
    const committed = await deal('commit', '300000.00');
    await deal('pipeline', '100000.00');
    await deal(undefined, '50000.00');
    const q = `pipelineId=${p.id}`;

    expect((await totalsOf(team.director, q)).open).toMatchObject({ count: 3, amount: '450000.00' });
    expect((await totalsOf(team.director, `${q}&category=commit`)).open).toEqual({
      count: 1,
      amount: '300000.00',
      expectedRevenue: '270000.00',
    });
    expect((await totalsOf(team.director, `${q}&category=pipeline`)).open).toMatchObject({ count: 1, amount: '100000.00' });

    const funnel = await team.director.get(`/api/v1/reports/funnel?${q}&category=commit`);
    expect(funnel.status).toBe(200);
    expect(funnel.body.team.openCount).toBe(1);

    const forecast = await team.director.get(`/api/v1/reports/forecast?${q}&category=pipeline&from=2026-03&to=2026-03`);
    expect(forecast.status).toBe(200);
    expect(forecast.body.total[0]).toMatchObject({ forecast: '90000.00', forecastCount: 1, commit: '0.00', pipeline: '100000.00' });

    const sources = await team.director.get(`/api/v1/reports/sources?${q}&category=commit&from=2026-03-01&to=2026-03-10`);
    expect(sources.status).toBe(200);
    expect(sources.body.items.reduce((n: number, i: { count: number }) => n + i.count, 0)).toBe(1);

    // The counter table follows a change of category.
    await t.db.updateTable('opportunities').set({ forecast_category: 'pipeline' }).where('id', '=', committed).execute();
    expect((await totalsOf(team.director, `${q}&category=commit`)).open.count).toBe(0);
    expect((await totalsOf(team.director, `${q}&category=pipeline`)).open).toMatchObject({ count: 2, amount: '400000.00' });

    // A value that is no category is a field error, not an empty report.
    const bad = await team.director.get(`/api/v1/reports/pipeline-totals?category=maybe`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('category');
  });
});
