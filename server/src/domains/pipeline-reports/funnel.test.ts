import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { grantReportPermission, makeOpportunity, makePipeline, type Owner, type TestPipeline } from './report-test-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await grantReportPermission(t.db);
});
afterAll(() => t.close());

async function openIn(p: TestPipeline, owner: Owner, counts: Record<string, number>) {
  for (const [stage, n] of Object.entries(counts))
    for (let i = 0; i < n; i++) await makeOpportunity(t.db, { owner, pipeline: p, stage, amount: '1000.00' });
}

describe('funnel per rep against the team (O7, seed 002)', () => {
  it("flags a share far from the team's only when the rep has deals enough for it not to be chance: 8 deals vs 80", async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const b: Owner = { userId: team.repB.userId, deptId: team.departments.shanghai };
    const s: Owner = { userId: team.repSouth.userId, deptId: team.departments.south };
    // A: 2 / 3 / 3 / 0 of 8; B the same shares with 80 (20 / 30 / 30 / 0); 华南's rep 2 / 2 / 2 / 14 of 20.
    // Team 24 / 35 / 35 / 14 of 108 = 22.2 / 32.4 / 32.4 / 13.0 %. A and B are both 13 points under the
    // team in 报价; for A that happens by chance 61 % of the time (exact binomial), for B 0.003 %.
    await openIn(p, a, { initial: 2, needs: 3, intent: 3 });
    await openIn(p, b, { initial: 20, needs: 30, intent: 30 });
    await openIn(p, s, { initial: 2, needs: 2, intent: 2, quote: 14 });
    await openIn(p, a, { won: 3, lost: 2 });

    const res = await team.director.get(`/api/v1/reports/funnel?pipelineId=${p.id}`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ deviationPoints: 5, confidence: 95 });
    expect(body.stages.map((st: { labels: { 'zh-CN': string } }) => st.labels['zh-CN'])).toEqual([
      '初步接触',
      '需求沟通',
      '意向确认',
      '报价',
    ]);
    expect(body.team.openCount).toBe(108);
    expect(body.team.cells.map((c: { share: number }) => c.share)).toEqual([22.2, 32.4, 32.4, 13]);
    type Cell = { share: number; count: number; deviation: number; pValue: number; outsidePoints: boolean; flagged: boolean };
    const rep = (id: string) => body.reps.items.find((r: { ownerId: string }) => r.ownerId === id) as { cells: Cell[]; flags: number };
    for (const id of [a.userId, b.userId]) {
      expect(rep(id).cells.map((c) => c.share)).toEqual([25, 37.5, 37.5, 0]);
      expect(rep(id).cells.map((c) => c.deviation)).toEqual([2.8, 5.1, 5.1, -13]);
      expect(rep(id).cells.map((c) => c.outsidePoints)).toEqual([false, true, true, true]);
    }
    expect(rep(a.userId).cells.map((c) => c.count)).toEqual([2, 3, 3, 0]);
    expect(rep(a.userId).cells[3].pValue).toBeCloseTo(0.60761, 4);
    expect(rep(a.userId).cells.map((c) => c.flagged)).toEqual([false, false, false, false]);
    expect(rep(b.userId).cells[3].pValue).toBeLessThan(0.0001);
    expect(rep(b.userId).cells.map((c) => c.flagged)).toEqual([false, false, false, true]);
    expect(rep(s.userId).cells.map((c) => c.flagged)).toEqual([false, true, true, true]);
    expect([rep(a.userId).flags, rep(b.userId).flags, rep(s.userId).flags]).toEqual([0, 1, 3]);

    // A lower confidence for this request: B's 5.1 points (p = 0.34) now count too; more points than 13 and 报价 does not.
    const loose = await team.director.get(`/api/v1/reports/funnel?pipelineId=${p.id}&confidence=50`);
    expect(loose.body.confidence).toBe(50);
    const looseB = loose.body.reps.items.find((r: { ownerId: string }) => r.ownerId === b.userId);
    expect(looseB.cells.map((c: Cell) => c.flagged)).toEqual([false, true, true, true]);
    const wide = await team.director.get(`/api/v1/reports/funnel?pipelineId=${p.id}&deviationPoints=15`);
    const wideB = wide.body.reps.items.find((r: { ownerId: string }) => r.ownerId === b.userId);
    expect(wideB.flags).toBe(0);
  });

  it('takes the confidence from the report settings', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const saved = await admin.request('PUT', '/api/v1/reports/settings', {
      forecastThreshold: 70,
      deviationPoints: 5,
      deviationConfidence: 99,
      industrySource: 'customer',
    });
    expect(saved.status).toBe(200);
    try {
      expect((await admin.get('/api/v1/reports/settings')).body.deviationConfidence).toBe(99);
      expect((await admin.get('/api/v1/reports/funnel')).body.confidence).toBe(99);
    } finally {
      await admin.request('PUT', '/api/v1/reports/settings', { forecastThreshold: 70, deviationPoints: 5, industrySource: 'customer' });
    }
    // Saved without it (an older client), the default 95 % holds.
    expect((await admin.get('/api/v1/reports/settings')).body.deviationConfidence).toBe(95);
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
    // team 4 / 4 / 4 / 16 of 28; A and B 25 % each: 32 points under the team in 报价, but with 8 deals that
    // is chance (p = 0.08): no flag. 华南's rep has all 12 in 报价 (p = 0.002): one flag.
    await openIn(p, a, { initial: 2, needs: 2, intent: 2, quote: 2 });
    await openIn(p, b, { initial: 2, needs: 2, intent: 2, quote: 2 });
    await openIn(p, s, { quote: 12 });
    const res = await team.director.get(`/api/v1/reports/funnel?pipelineId=${p.id}&departmentId=${team.departments.center}&pageSize=1`);
    expect(res.body.reps.total).toBe(3);
    expect(res.body.reps.items.map((r: { ownerId: string; flags: number }) => [r.ownerId, r.flags])).toEqual([[s.userId, 1]]);
    const second = await team.director.get(
      `/api/v1/reports/funnel?pipelineId=${p.id}&departmentId=${team.departments.center}&page=2&pageSize=1`,
    );
    expect(second.body.reps.items[0].flags).toBe(0);
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
