import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeTeam, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeOpportunity, makePipeline, type Owner } from '../pipeline-reports/report-test-data.js';
import { timelinessScore } from './timeliness-score.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const ago = (days: number) => new Date(t.clock.now().getTime() - days * DAY).toISOString();

describe('timeliness score (T7)', () => {
  it('averages the share of good rows over the checks that have rows', () => {
    const none = { bad: 0, total: 0 };
    // 2 stale of 4 and every follow-up on time: (0.5 + 1) ÷ 2 = 75.
    expect(timelinessScore({ stale: { bad: 2, total: 4 }, overdue: none, late: { bad: 0, total: 3 }, incomplete: none })).toBe(75);
    // (0.5 + 0 + 0.5 + 2/3) ÷ 4 = 41.67 → 42.
    expect(
      timelinessScore({
        stale: { bad: 1, total: 2 },
        overdue: { bad: 1, total: 1 },
        late: { bad: 1, total: 2 },
        incomplete: { bad: 1, total: 3 },
      }),
    ).toBe(42);
    expect(timelinessScore({ stale: none, overdue: none, late: none, incomplete: none })).toBeNull();
  });
});

async function customer(owner: Owner, fields: { industry?: string; phone?: string; isKey?: boolean; cycle?: number } = {}) {
  const row = await t.db
    .insertInto('customers')
    .values({
      owner_id: owner.userId,
      owner_dept_id: owner.deptId,
      name: uniq('客户'),
      industry: fields.industry ?? null,
      phone: fields.phone ?? null,
      is_key: fields.isKey ?? false,
      follow_up_cycle_days: fields.cycle ?? null,
      created_at: ago(60),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
async function contact(owner: Owner, customerId: string) {
  await t.db
    .insertInto('contacts')
    .values({ owner_id: owner.userId, owner_dept_id: owner.deptId, customer_id: customerId, name: '张经理' })
    .execute();
}
async function followUp(owner: Owner, customerId: string, occurredDaysAgo: number, recordedDaysAgo: number) {
  await t.db
    .insertInto('follow_ups')
    .values({
      owner_id: owner.userId,
      owner_dept_id: owner.deptId,
      customer_id: customerId,
      type: 'call',
      content: '电话沟通',
      occurred_at: ago(occurredDaysAgo),
      created_at: ago(recordedDaysAgo),
    })
    .execute();
}

/**
 * Hand-computed, N = 14 days, late from 2 days:
 *   A: deals touched 20 and 3 days ago (stale 1/2); the second has no close date and amount 0.
 *      Key customer (cycle 7, complete) last followed up 10 days ago: due 3 days ago (overdue 1/1).
 *      Follow-ups: one written the day it happened, one 3 days after (late 1/2).
 *      Missing fields: 1 customer complete + deal 1 complete + deal 2 missing two = 1/3.
 *      Score (0.5 + 0 + 0.5 + 2/3) ÷ 4 = 42.
 *   B: a deal touched yesterday, complete (stale 0/1); a customer with no industry, phone or contact
 *      (incomplete 1/2 with the deal's). Score (1 + 0.5) ÷ 2 = 75.
 *   Team: 1/3, 1/1, 1/2, 2/5 → (2/3 + 0 + 0.5 + 0.6) ÷ 4 = 44.
 */
async function fixture() {
  const team = await makeTeam(t.app, t.db);
  const p = await makePipeline(t.db);
  const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
  const b: Owner = { userId: team.repB.userId, deptId: team.departments.shanghai };
  const keyA = await customer(a, { industry: '零售', phone: '021-5555', isKey: true, cycle: 7 });
  await contact(a, keyA);
  const staleDeal = await makeOpportunity(t.db, {
    owner: a,
    pipeline: p,
    stage: 'quote',
    amount: '1000.00',
    expectedCloseDate: '2026-12-31',
    customerId: keyA,
    createdAt: ago(20),
  });
  const bareDeal = await makeOpportunity(t.db, {
    owner: a,
    pipeline: p,
    stage: 'initial',
    amount: '0',
    customerId: keyA,
    createdAt: ago(3),
  });
  await followUp(a, keyA, 10, 10);
  await followUp(a, keyA, 12, 9);
  const bareB = await customer(b);
  await makeOpportunity(t.db, {
    owner: b,
    pipeline: p,
    stage: 'initial',
    amount: '500.00',
    expectedCloseDate: '2026-12-31',
    customerId: bareB,
    createdAt: ago(1),
  });
  return { team, a, b, keyA, staleDeal, bareDeal, bareB, query: `departmentId=${team.departments.shanghai}` };
}

let f: Awaited<ReturnType<typeof fixture>>;
beforeAll(async () => {
  f = await fixture();
});

describe('data timeliness per rep (T7)', () => {
  it('counts each check per rep and scores the worst first', async () => {
    const res = await f.team.eastManager.get(`/api/v1/reports/data-timeliness?${f.query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { team, reps, settings } = res.body;
    expect(settings).toEqual({ staleDays: 14, lateDays: 2 });
    const figures = (r: Record<string, { bad: number; total: number }> & { score: number | null }) => [
      r.stale,
      r.overdue,
      r.late,
      r.incomplete,
      r.score,
    ];
    expect(reps.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([f.a.userId, f.b.userId]);
    expect(figures(reps.items[0])).toEqual([{ bad: 1, total: 2 }, { bad: 1, total: 1 }, { bad: 1, total: 2 }, { bad: 1, total: 3 }, 42]);
    expect(figures(reps.items[1])).toEqual([{ bad: 0, total: 1 }, { bad: 0, total: 0 }, { bad: 0, total: 0 }, { bad: 1, total: 2 }, 75]);
    expect(team.score).toBe(44);
  });

  it('lists the rows to fix with what to open', async () => {
    const res = await f.team.eastManager.get(`/api/v1/reports/data-timeliness/fixes?${f.query}&pageSize=50`);
    expect(res.status).toBe(200);
    type Fix = { check: string; entity: string; id: string; days: number | null; missing: string[] };
    const rows = res.body.items.map((i: Fix) => [i.check, i.entity, i.id, i.days, i.missing]);
    // The list holds exactly the rows the figures count as bad (the team's 1 + 1 + 1 + 2).
    expect(res.body.total).toBe(5);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['stale', 'opportunity', f.staleDeal, 20, []],
        ['overdue', 'customer', f.keyA, 3, []],
        ['late', 'followUp', expect.any(String), 3, []],
        ['incomplete', 'opportunity', f.bareDeal, null, ['expectedCloseDate', 'amount']],
        ['incomplete', 'customer', f.bareB, null, ['industry', 'phone', 'contact']],
      ]),
    );
    // Longest neglected first.
    expect(rows[0][0]).toBe('stale');
    const late = await f.team.eastManager.get(`/api/v1/reports/data-timeliness/fixes?${f.query}&check=late`);
    expect(late.body.items).toHaveLength(1);
    expect(late.body.total).toBe(1);
    expect(late.body.items[0].customerId).toBe(f.keyA);
  });

  it('keeps a rep to his own rows', async () => {
    const res = await f.team.repB.get('/api/v1/reports/data-timeliness');
    expect(res.body.reps.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([f.b.userId]);
    const fixes = await f.team.repB.get('/api/v1/reports/data-timeliness/fixes');
    expect(fixes.body.items.map((i: { id: string }) => i.id)).toEqual([f.bareB]);
  });

  it('follows the days an admin sets', async () => {
    const admin = await makeAdmin(t.app, t.db);
    expect((await f.team.director.request('PUT', '/api/v1/reports/data-timeliness/settings', { staleDays: 2, lateDays: 4 })).status).toBe(
      403,
    );
    expect((await admin.request('PUT', '/api/v1/reports/data-timeliness/settings', { staleDays: 0, lateDays: 4 })).status).toBe(400);
    const saved = await admin.request('PUT', '/api/v1/reports/data-timeliness/settings', { staleDays: 2, lateDays: 4 });
    expect(saved.status).toBe(200);
    try {
      const res = await f.team.eastManager.get(`/api/v1/reports/data-timeliness?${f.query}`);
      const a = res.body.reps.items.find((r: { ownerId: string }) => r.ownerId === f.a.userId);
      // Both of A's deals are now stale (20 and 3 days); his follow-up 3 days late is no longer late.
      expect([a.stale, a.late]).toEqual([
        { bad: 2, total: 2 },
        { bad: 0, total: 2 },
      ]);
    } finally {
      await admin.request('PUT', '/api/v1/reports/data-timeliness/settings', { staleDays: 14, lateDays: 2 });
    }
  });
});
