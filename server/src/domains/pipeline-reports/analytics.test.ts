import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { suggestedProbability } from './learned-probabilities.js';
import {
  addStageHistory,
  grantReportPermission,
  makeOpportunity,
  makePipeline,
  type Owner,
  type TestPipeline,
} from './report-test-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
  await grantReportPermission(t.db);
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof makeTeam>>;
const ownersOf = (team: Team) => ({
  a: { userId: team.repA.userId, deptId: team.departments.shanghai } as Owner,
  b: { userId: team.repB.userId, deptId: team.departments.shanghai } as Owner,
});
const at = (day: string) => `${day}T02:00:00Z`; // 10:00 in Shanghai

describe('sources (O8, seed 000)', () => {
  it('counts opportunities created in the period per source, with win rate and average cycle', async () => {
    t.clock.set('2026-06-15T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a, b } = ownersOf(team);
    const make = (owner: Owner, stage: string, amount: string, source: string | null, created: string, closed?: string) =>
      makeOpportunity(t.db, { owner, pipeline: p, stage, amount, source, createdAt: created, closedAt: closed });
    await make(a, 'won', '100000.00', 'exhibition', at('2026-02-01'), at('2026-03-03')); // 30 days
    await make(b, 'lost', '50000.00', 'exhibition', at('2026-02-10'), at('2026-02-20'));
    await make(a, 'needs', '20000.00', 'exhibition', at('2026-03-01'));
    await make(b, 'won', '30000.00', 'exhibition', at('2026-04-01'), at('2026-04-11')); // 10 days
    await make(a, 'lost', '10000.00', 'website', at('2026-05-01'), at('2026-05-02'));
    await make(a, 'initial', '5000.00', null, at('2026-05-02'));
    // 23:59:59 on 31 December in Shanghai: before the period; one second later: inside it.
    await make(a, 'initial', '7777.00', 'exhibition', '2025-12-31T15:59:59Z');
    await make(b, 'initial', '1000.00', 'website', '2025-12-31T16:00:00Z');

    const res = await team.director.get(`/api/v1/reports/sources?departmentId=${team.departments.center}&from=2026-01-01&to=2026-06-30`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        source: 'exhibition',
        count: 4,
        amount: '200000.00',
        wonCount: 2,
        wonAmount: '130000.00',
        lostCount: 1,
        winRate: 66.7,
        avgCycleDays: 20,
      },
      { source: 'website', count: 2, amount: '11000.00', wonCount: 0, wonAmount: '0.00', lostCount: 1, winRate: 0, avgCycleDays: null },
      { source: null, count: 1, amount: '5000.00', wonCount: 0, wonAmount: '0.00', lostCount: 0, winRate: null, avgCycleDays: null },
    ]);
    // A rep: his own only.
    const mine = await team.repB.get('/api/v1/reports/sources?from=2026-01-01&to=2026-06-30');
    expect(mine.body.items.map((i: { source: string; count: number }) => [i.source, i.count])).toEqual([
      ['exhibition', 2],
      ['website', 1],
    ]);
  });
});

describe('industries per rep (O8, seed 002)', () => {
  it("shows which industries each rep's opportunities and signed deals are in", async () => {
    t.clock.set('2026-06-15T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a, b } = ownersOf(team);
    const make = (owner: Owner, stage: string, amount: string, industry: string, created: string, closed?: string, leadId?: string) =>
      makeOpportunity(t.db, { owner, pipeline: p, stage, amount, industry, createdAt: created, closedAt: closed, leadId });
    await make(a, 'quote', '100000.00', 'manufacturing', at('2026-03-01'));
    await make(a, 'won', '80000.00', 'manufacturing', at('2025-06-01'), at('2026-02-01')); // created before, signed within
    await make(a, 'won', '50000.00', 'it', at('2026-01-10'), at('2026-02-10'));
    await make(b, 'needs', '70000.00', 'finance', at('2026-04-01'));
    const lead = await t.db
      .insertInto('leads')
      .values({ owner_id: b.userId, owner_dept_id: b.deptId, company: '零售线索', industry: 'retail' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await make(b, 'lost', '20000.00', 'finance', at('2026-04-02'), at('2026-04-20'), lead.id);

    const url = `/api/v1/reports/industries?departmentId=${team.departments.center}&from=2026-01-01&to=2026-06-30`;
    const res = await team.director.get(url);
    expect(res.status).toBe(200);
    expect(res.body.industrySource).toBe('customer');
    const cells = (rep: { cells: { industry: string }[] }) => Object.fromEntries(rep.cells.map(({ industry, ...c }) => [industry, c]));
    expect(res.body.reps.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([a.userId, b.userId]);
    expect(cells(res.body.reps.items[0])).toEqual({
      manufacturing: { count: 1, amount: '100000.00', wonCount: 1, wonAmount: '80000.00' },
      it: { count: 1, amount: '50000.00', wonCount: 1, wonAmount: '50000.00' },
    });
    expect(cells(res.body.reps.items[1])).toEqual({ finance: { count: 2, amount: '90000.00', wonCount: 0, wonAmount: '0.00' } });
    expect(cells({ cells: res.body.team })).toMatchObject({ finance: { count: 2 }, manufacturing: { wonAmount: '80000.00' } });

    // The lead's industry instead, where the opportunity came from a lead.
    await admin.request('PUT', '/api/v1/reports/settings', { forecastThreshold: 70, deviationPoints: 5, industrySource: 'lead' });
    try {
      const byLead = await team.director.get(url);
      expect(cells(byLead.body.reps.items[1])).toEqual({
        finance: { count: 1, amount: '70000.00', wonCount: 0, wonAmount: '0.00' },
        retail: { count: 1, amount: '20000.00', wonCount: 0, wonAmount: '0.00' },
      });
    } finally {
      await admin.request('PUT', '/api/v1/reports/settings', { forecastThreshold: 70, deviationPoints: 5, industrySource: 'customer' });
    }
  });
});

describe('stage conversion and sales cycle (T6, seed 003)', () => {
  it('follows where each stay that began in the period went next, and how long it lasted', async () => {
    t.clock.set('2026-04-10T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a, b } = ownersOf(team);
    const opp = async (owner: Owner, stage: string, created: string, closed?: string) =>
      makeOpportunity(t.db, { owner, pipeline: p, stage, amount: '1000.00', createdAt: created, closedAt: closed });
    const o1 = await opp(a, 'won', at('2026-03-01'), at('2026-03-10'));
    await addStageHistory(t.db, o1, p, [
      ['initial', at('2026-03-01')],
      ['needs', at('2026-03-03')],
      ['quote', at('2026-03-08')],
      ['won', at('2026-03-10')],
    ]);
    const o2 = await opp(b, 'lost', at('2026-03-02'), at('2026-03-16'));
    await addStageHistory(t.db, o2, p, [
      ['initial', at('2026-03-02')],
      ['needs', at('2026-03-06')],
      ['lost', at('2026-03-16')],
    ]);
    const o3 = await opp(a, 'initial', at('2026-03-05'));
    await addStageHistory(t.db, o3, p, [['initial', at('2026-03-05')]]);
    const o4 = await opp(b, 'initial', at('2026-02-20'));
    await addStageHistory(t.db, o4, p, [
      ['initial', at('2026-02-20')], // before the period
      ['needs', at('2026-03-04')],
      ['initial', at('2026-03-09')], // moved back
    ]);

    const res = await team.director.get(
      `/api/v1/reports/stage-conversion?departmentId=${team.departments.center}&pipelineId=${p.id}&from=2026-03-01&to=2026-03-31`,
    );
    expect(res.status).toBe(200);
    const stage = (key: string) => res.body.stages.find((s: { stageId: string }) => s.stageId === p.stage[key].id);
    expect(res.body.stages.map((s: { stageId: string }) => s.stageId)).toEqual(
      ['initial', 'needs', 'intent', 'quote'].map((k) => p.stage[k].id),
    );
    // 初步接触: o1 and o2 moved on, o3 and o4 (back again) are still there; finished stays 2 and 4 days.
    expect(stage('initial')).toMatchObject({
      entered: 4,
      advanced: 2,
      lost: 0,
      movedBack: 0,
      stillThere: 2,
      conversionRate: 50,
      avgDays: 3,
    });
    // 需求沟通: o1 on to 报价, o2 lost, o4 back to 初步接触; stays of 5, 10 and 5 days.
    expect(stage('needs')).toMatchObject({
      entered: 3,
      advanced: 1,
      lost: 1,
      movedBack: 1,
      stillThere: 0,
      conversionRate: 33.3,
      avgDays: 6.7,
    });
    expect(stage('intent')).toMatchObject({ entered: 0, conversionRate: null, avgDays: null });
    expect(stage('quote')).toMatchObject({ entered: 1, advanced: 1, conversionRate: 100, avgDays: 2 });
    // Closed in March: o1 won after 9 days, o2 lost after 14.
    expect(res.body.cycle).toEqual({ won: { count: 1, avgDays: 9 }, lost: { count: 1, avgDays: 14 }, all: { count: 2, avgDays: 11.5 } });

    // A rep: his own opportunities only (o1 and o3).
    const mine = await team.repA.get(`/api/v1/reports/stage-conversion?pipelineId=${p.id}&from=2026-03-01&to=2026-03-31`);
    expect(mine.body.stages[0]).toMatchObject({ entered: 2, advanced: 1, stillThere: 1 });
    expect(mine.body.cycle.all).toEqual({ count: 1, avgDays: 9 });
  });
});

describe('probabilities learned from history', () => {
  it('keeps a suggestion within the stage range, as a whole percent', () => {
    expect(suggestedProbability(37.5, 0, 30)).toBe(30);
    expect(suggestedProbability(42.86, 10, 50)).toBe(43);
    expect(suggestedProbability(4.4, 10, 50)).toBe(10);
  });

  async function closedWithPath(p: TestPipeline, owner: Owner, outcome: 'won' | 'lost', path: string[], closedDay: string) {
    const id = await makeOpportunity(t.db, {
      owner,
      pipeline: p,
      stage: outcome,
      amount: '1000.00',
      createdAt: at('2026-01-05'),
      closedAt: at(closedDay),
    });
    const days = [...path, outcome].map((s, i): [string, string] => [s, at(`2026-01-${String(10 + i).padStart(2, '0')}`)]);
    await addStageHistory(t.db, id, p, days);
  }

  it("shows, per stage, the share of closed opportunities that were in it and won, and the admin's 'use these' sets the defaults", async () => {
    t.clock.set('2026-07-01T04:00:00Z');
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    const p = await makePipeline(t.db);
    const { a, b } = ownersOf(team);
    await closedWithPath(p, a, 'won', ['initial', 'needs', 'intent', 'quote'], '2026-02-01');
    await closedWithPath(p, a, 'won', ['initial', 'needs', 'quote'], '2026-02-02');
    await closedWithPath(p, b, 'won', ['needs', 'intent', 'quote'], '2026-03-01');
    await closedWithPath(p, b, 'won', ['initial', 'intent'], '2026-03-02');
    await closedWithPath(p, a, 'lost', ['initial'], '2026-02-03');
    await closedWithPath(p, a, 'lost', ['initial'], '2026-02-04');
    // Back and forth between two stages: still one opportunity that was in each.
    await closedWithPath(p, b, 'lost', ['initial', 'needs', 'initial', 'needs'], '2026-02-05');
    await closedWithPath(p, b, 'lost', ['initial', 'needs', 'intent'], '2026-02-06');
    await closedWithPath(p, a, 'lost', ['needs'], '2026-02-07');
    await closedWithPath(p, b, 'lost', ['initial', 'needs', 'intent', 'quote'], '2026-02-08');
    // Not part of it: still open, and closed before the period.
    const open = await makeOpportunity(t.db, { owner: a, pipeline: p, stage: 'quote', amount: '1.00' });
    await addStageHistory(t.db, open, p, [
      ['initial', at('2026-01-10')],
      ['quote', at('2026-01-11')],
    ]);
    await closedWithPath(p, a, 'lost', ['quote'], '2025-12-20');

    const url = `/api/v1/reports/learned-probabilities?pipelineId=${p.id}&from=2026-01-01&to=2026-06-30`;
    const res = await team.director.get(`${url}&departmentId=${team.departments.center}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ closedCount: 10, wonCount: 4, minSample: 5 });
    const rows = res.body.stages.map((s: Record<string, unknown>) => [s.probability, s.reached, s.won, s.learned, s.suggested]);
    expect(rows).toEqual([
      [10, 8, 3, 37.5, 30], // 初步接触: 38 % kept within its 0–30 % range
      [30, 7, 3, 42.86, 43],
      [50, 5, 3, 60, 60],
      [70, 4, 3, 75, null], // 报价: only 4 closed opportunities went through it, fewer than 5
    ]);

    expect(
      (await team.director.post('/api/v1/reports/learned-probabilities/apply', { pipelineId: p.id, from: '2026-01-01', to: '2026-06-30' }))
        .status,
    ).toBe(403);
    const applied = await admin.post('/api/v1/reports/learned-probabilities/apply', {
      pipelineId: p.id,
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(applied.status).toBe(200);
    expect(applied.body.stages.map((s: { probability: number }) => s.probability)).toEqual([30, 43, 60, 70]);
    const stages = await t.db
      .selectFrom('pipeline_stages')
      .select(['key', 'probability'])
      .where('pipeline_id', '=', p.id)
      .where('kind', '=', 'open')
      .orderBy('position')
      .execute();
    expect(stages.map((s) => [s.key, s.probability])).toEqual([
      ['initial', '30.00'],
      ['needs', '43.00'],
      ['intent', '60.00'],
      ['quote', '70.00'],
    ]);
    // The stage history keeps the probabilities in force when each stage was entered.
    const history = await t.db
      .selectFrom('opportunity_stage_history')
      .select('probability')
      .where('stage_id', '=', p.stage.initial.id)
      .execute();
    expect(new Set(history.map((h) => h.probability))).toEqual(new Set(['10.00']));
    const audit = await t.db
      .selectFrom('record_history')
      .select(['field', 'old_value', 'new_value'])
      .where('record_id', '=', p.stage.needs.id)
      .execute();
    expect(audit).toEqual([{ field: 'probability', old_value: 30, new_value: 43 }]);
  });
});

describe('bad periods', () => {
  it('answers 400 with a field message for an impossible day, a backwards period or an unknown pipeline 404', async () => {
    const team = await makeTeam(t.app, t.db);
    const impossible = await team.director.get('/api/v1/reports/sources?from=2026-02-30');
    expect(impossible.status).toBe(400);
    expect(impossible.body.error.fields.from).toBe('日期格式应为 YYYY-MM-DD');
    const backwards = await team.director.get('/api/v1/reports/stage-conversion?from=2026-03-02&to=2026-03-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.to).toBe('结束不能早于开始');
    const long = await team.director.get('/api/v1/reports/industries?from=2020-01-01&to=2026-01-01');
    expect(long.status).toBe(400);
    expect(long.body.error.fields.to).toBe('时间跨度最多 1100 天');
    const unknown = await team.director.get('/api/v1/reports/stage-conversion?pipelineId=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const rep = await team.repA.post('/api/v1/reports/snapshots');
    expect(rep.status).toBe(403);
  });
});
