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
        SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, count(*)::int AS n, sum(amount) AS amount FROM opportunities
         WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5
        EXCEPT
        SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, n, amount FROM opportunity_stage_totals WHERE n <> 0
      ) d`.execute(t.db);
    expect(rows[0].diff).toBe(0);
  });
});
