import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { sharePercent, stageDeviation } from './funnel.js';
import { grantReportPermission, makeOpportunity, makePipeline, type Owner, type TestPipeline } from './report-test-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await grantReportPermission(t.db);
});
afterAll(() => t.close());

describe('stage deviation (O7)', () => {
  it("flags seed 002's rep: 报价 under 5 % while the team has 10 %", () => {
    expect(stageDeviation(4.9, 10, 5)).toEqual({ deviation: -5.1, flagged: true });
    expect(stageDeviation(0, 10, 5)).toEqual({ deviation: -10, flagged: true });
  });
  it('does not flag a difference of exactly the configured points, either way', () => {
    expect(stageDeviation(5, 10, 5)).toEqual({ deviation: -5, flagged: false });
    expect(stageDeviation(45, 40, 5)).toEqual({ deviation: 5, flagged: false });
    expect(stageDeviation(45.1, 40, 5)).toEqual({ deviation: 5.1, flagged: true });
  });
  it('computes shares in percent with one decimal', () => {
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(0, 0)).toBe(0);
  });
});

async function openIn(p: TestPipeline, owner: Owner, counts: Record<string, number>) {
  for (const [stage, n] of Object.entries(counts))
    for (let i = 0; i < n; i++) await makeOpportunity(t.db, { owner, pipeline: p, stage, amount: '1000.00' });
}

describe('funnel per rep against the team (O7, seed 002)', () => {
  it("flags the rep whose share of 报价 is far from the team's", async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const b: Owner = { userId: team.repB.userId, deptId: team.departments.shanghai };
    // A: 2 / 4 / 4 / 0 = 20 % / 40 % / 40 % / 0 %;  B: 1 / 4 / 3 / 2 = 10 / 40 / 30 / 20;
    // team: 3 / 8 / 7 / 2 of 20 = 15 / 40 / 35 / 10. Won and lost ones are not part of the funnel.
    await openIn(p, a, { initial: 2, needs: 4, intent: 4 });
    await openIn(p, b, { initial: 1, needs: 4, intent: 3, quote: 2 });
    await openIn(p, a, { won: 3, lost: 2 });

    const res = await team.eastManager.get(`/api/v1/reports/funnel?pipelineId=${p.id}`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.deviationPoints).toBe(5);
    expect(body.stages.map((s: { labels: { 'zh-CN': string } }) => s.labels['zh-CN'])).toEqual([
      '初步接触',
      '需求沟通',
      '意向确认',
      '报价',
    ]);
    expect(body.team.openCount).toBe(20);
    expect(body.team.cells.map((c: { share: number }) => c.share)).toEqual([15, 40, 35, 10]);
    const rep = (id: string) => body.reps.items.find((r: { ownerId: string }) => r.ownerId === id);
    expect(rep(a.userId).cells.map((c: { share: number }) => c.share)).toEqual([20, 40, 40, 0]);
    expect(rep(a.userId).cells.map((c: { deviation: number }) => c.deviation)).toEqual([5, 0, 5, -10]);
    // Exactly 5 points is not flagged; 报价's 10 points is.
    expect(rep(a.userId).cells.map((c: { flagged: boolean }) => c.flagged)).toEqual([false, false, false, true]);
    expect(rep(b.userId).cells.map((c: { flagged: boolean }) => c.flagged)).toEqual([false, false, false, true]);
    expect(rep(a.userId).flags).toBe(1);

    // A tighter threshold, for this request only.
    const tight = await team.eastManager.get(`/api/v1/reports/funnel?pipelineId=${p.id}&deviationPoints=4`);
    expect(tight.body.deviationPoints).toBe(4);
    const tightA = tight.body.reps.items.find((r: { ownerId: string }) => r.ownerId === a.userId);
    expect(tightA.cells.map((c: { flagged: boolean }) => c.flagged)).toEqual([true, false, true, true]);
  });

  it('shows a rep his own funnel only: his team is himself, so nothing is flagged', async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const b: Owner = { userId: team.repB.userId, deptId: team.departments.shanghai };
    await openIn(p, a, { initial: 1, quote: 1 });
    await openIn(p, b, { needs: 5 });
    const res = await team.repA.get(`/api/v1/reports/funnel?pipelineId=${p.id}`);
    expect(res.body.reps.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([a.userId]);
    expect(res.body.team.openCount).toBe(2);
    expect(res.body.team.cells.map((c: { count: number }) => c.count)).toEqual([1, 0, 0, 1]);
    expect(res.body.reps.items[0].flags).toBe(0);
  });

  it("sums a rep's amounts exactly, also when he owned opportunities in two departments", async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const inShanghai: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const inEast: Owner = { userId: team.repA.userId, deptId: team.departments.east };
    await makeOpportunity(t.db, { owner: inShanghai, pipeline: p, stage: 'quote', amount: '0.10' });
    await makeOpportunity(t.db, { owner: inEast, pipeline: p, stage: 'quote', amount: '0.20' });
    await makeOpportunity(t.db, { owner: inEast, pipeline: p, stage: 'initial', amount: '1234567.89' });
    const res = await team.director.get(`/api/v1/reports/funnel?pipelineId=${p.id}`);
    expect(res.body.reps.total).toBe(1);
    const [a] = res.body.reps.items;
    expect(a.openCount).toBe(3);
    expect(a.cells.map((c: { count: number; amount: string }) => [c.count, c.amount])).toEqual([
      [1, '1234567.89'],
      [0, '0.00'],
      [0, '0.00'],
      [2, '0.30'],
    ]);
    expect(res.body.team.cells.map((c: { amount: string }) => c.amount)).toEqual(['1234567.89', '0.00', '0.00', '0.30']);
  });

  it('lists the reps with the most flags first, a page at a time', async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const b: Owner = { userId: team.repB.userId, deptId: team.departments.shanghai };
    const s: Owner = { userId: team.repSouth.userId, deptId: team.departments.south };
    // team 4 / 4 / 4 / 6 of 18; A and B 25 % each (one flag: 报价), 华南's rep all in 报价 (four flags).
    await openIn(p, a, { initial: 2, needs: 2, intent: 2, quote: 2 });
    await openIn(p, b, { initial: 2, needs: 2, intent: 2, quote: 2 });
    await openIn(p, s, { quote: 2 });
    const res = await team.director.get(`/api/v1/reports/funnel?pipelineId=${p.id}&departmentId=${team.departments.center}&pageSize=1`);
    expect(res.body.reps.total).toBe(3);
    expect(res.body.reps.items.map((r: { ownerId: string; flags: number }) => [r.ownerId, r.flags])).toEqual([[s.userId, 4]]);
    const second = await team.director.get(
      `/api/v1/reports/funnel?pipelineId=${p.id}&departmentId=${team.departments.center}&page=2&pageSize=1`,
    );
    expect(second.body.reps.items[0].flags).toBe(1);
    // A and B tie on flags and open opportunities: the name decides, across the page break too.
    const third = await team.director.get(
      `/api/v1/reports/funnel?pipelineId=${p.id}&departmentId=${team.departments.center}&page=3&pageSize=1`,
    );
    const [first, last] = [team.repA, team.repB].sort((x, y) => x.username.localeCompare(y.username, 'zh-CN'));
    expect(second.body.reps.items.map((r: { ownerName: string }) => r.ownerName)).toEqual([first.username]);
    expect(third.body.reps.items.map((r: { ownerName: string }) => r.ownerName)).toEqual([last.username]);
    const beyond = await team.director.get(
      `/api/v1/reports/funnel?pipelineId=${p.id}&departmentId=${team.departments.center}&page=4&pageSize=1`,
    );
    expect(beyond.body.reps).toMatchObject({ items: [], total: 3 });
  });
});
