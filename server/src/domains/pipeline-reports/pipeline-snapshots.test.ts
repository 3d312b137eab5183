import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredJobs, runJobIfDue } from '../../platform/jobs/scheduler.js';
import { makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { PIPELINE_SNAPSHOT_JOB, takePipelineSnapshot, weekStartOf } from './pipeline-snapshots.js';
import { grantReportPermission, makeOpportunity, makePipeline, type Owner } from './report-test-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
  await grantReportPermission(t.db);
});
afterAll(() => t.close());

const snapshotJob = () => {
  const job = registeredJobs().find((j) => j.name === PIPELINE_SNAPSHOT_JOB);
  if (!job) throw new Error('snapshot job not registered');
  return job;
};
const win = (id: string, closedAt: string) =>
  t.db.updateTable('opportunities').set({ status: 'won', probability: 100, closed_at: closedAt }).where('id', '=', id).execute();

describe('weekly pipeline snapshots (O5)', () => {
  it('names a week by its Monday', () => {
    expect(weekStartOf('2026-03-30')).toBe('2026-03-30');
    expect(weekStartOf('2026-04-05')).toBe('2026-03-30');
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29');
  });

  it('takes one snapshot per Shanghai week, then sets its forecast against what was won, per rep and month', async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const b: Owner = { userId: team.repB.userId, deptId: team.departments.shanghai };
    const open = (owner: Owner, amount: string, probability: number, expectedCloseDate: string) =>
      makeOpportunity(t.db, { owner, pipeline: p, stage: 'quote', amount, probability, expectedCloseDate });
    const big = await open(a, '100000.00', 80, '2026-04-15'); // April: 80,000
    await open(a, '50000.00', 60, '2026-04-20'); // under the threshold
    await open(a, '10000.00', 90, '2026-05-10'); // May: 9,000
    await open(b, '40000.00', 75, '2026-04-28'); // April: 30,000

    // 01:00 on Monday 30 March in Shanghai (still Sunday in UTC).
    t.clock.set('2026-03-29T17:00:00Z');
    expect(await runJobIfDue(t.app.ctx, snapshotJob(), { force: true })).toBe('ran');
    const run = await t.db
      .selectFrom('pipeline_snapshot_runs')
      .selectAll()
      .where('week_start', '=', '2026-03-30')
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ taken_on: '2026-03-30', threshold: '70.00' });
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_snapshots`.execute(t.db)).rows[0].n;
    const rows = await count();

    // Later the same week the pipeline changes; the week's snapshot stays as taken.
    t.clock.set('2026-04-02T04:00:00Z');
    await open(b, '999999.00', 90, '2026-04-30');
    expect(await t.db.transaction().execute((trx) => takePipelineSnapshot(trx, t.clock.now(), 'Asia/Shanghai'))).toEqual({
      weekStart: '2026-03-30',
      taken: false,
    });
    expect(await count()).toBe(rows);
    await t.db.deleteFrom('opportunities').where('amount', '=', '999999.00').execute();

    // April: A signs the big one and a new 20,000 deal; B signs nothing.
    await win(big, '2026-04-15T02:00:00Z');
    const extra = await open(a, '20000.00', 70, '2026-04-20');
    await win(extra, '2026-04-20T02:00:00Z');
    // Monday 27 April: a new week, a new snapshot, with B's new May deal (20,000 × 70 % = 14,000).
    const may = await open(b, '20000.00', 70, '2026-05-20');
    t.clock.set('2026-04-27T02:00:00Z');
    expect(await runJobIfDue(t.app.ctx, snapshotJob(), { force: true })).toBe('ran');
    await win(may, '2026-05-03T02:00:00Z');

    t.clock.set('2026-05-05T04:00:00Z');
    const res = await team.director.get(
      `/api/v1/reports/forecast-accuracy?departmentId=${team.departments.center}&from=2026-04&to=2026-05`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toEqual([
      // 110,000 forecast as April began, 120,000 signed: 100 − 10,000 ÷ 110,000 × 100 = 90.9
      { month: '2026-04', snapshotWeek: '2026-03-30', forecast: '110000.00', won: '120000.00', difference: '10000.00', accuracy: 90.9 },
      // May is judged on the snapshot of 27 April: 9,000 + 14,000 forecast, 20,000 signed.
      { month: '2026-05', snapshotWeek: '2026-04-27', forecast: '23000.00', won: '20000.00', difference: '-3000.00', accuracy: 87 },
    ]);
    const rep = (ownerId: string, month: string) =>
      res.body.reps.items.find((r: { ownerId: string; month: string }) => r.ownerId === ownerId && r.month === month);
    expect(rep(a.userId, '2026-04')).toMatchObject({ forecast: '80000.00', won: '120000.00', difference: '40000.00', accuracy: 50 });
    expect(rep(b.userId, '2026-04')).toMatchObject({ forecast: '30000.00', won: '0.00', difference: '-30000.00', accuracy: 0 });
    expect(rep(a.userId, '2026-05')).toMatchObject({ forecast: '9000.00', won: '0.00', accuracy: 0 });
    expect(rep(b.userId, '2026-05')).toMatchObject({ forecast: '14000.00', won: '20000.00', difference: '6000.00', accuracy: 57.1 });

    // A rep sees his own months only.
    const mine = await team.repB.get('/api/v1/reports/forecast-accuracy?from=2026-04&to=2026-05');
    expect(mine.body.reps.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([b.userId, b.userId]);
    expect(mine.body.total.map((m: { forecast: string }) => m.forecast)).toEqual(['30000.00', '14000.00']);

    // Before any snapshot there is no forecast to judge.
    const early = await team.director.get(
      `/api/v1/reports/forecast-accuracy?departmentId=${team.departments.center}&from=2026-03&to=2026-03`,
    );
    expect(early.body.total).toEqual([
      { month: '2026-03', snapshotWeek: null, forecast: null, won: '0.00', difference: null, accuracy: null },
    ]);
  });
});
