import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
});
afterAll(() => t.close());

describe('daily visit plans (C5)', () => {
  it('is fulfilled by a visit logged on the planned day in Shanghai time', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const plan = await team.repA.post('/api/v1/visit-plans', { planDate: '2026-12-08', customerId: customer.id, purpose: '演示新版本' });
    expect(plan.status).toBe(201);
    expect(plan.body.status).toBe('planned');
    // 00:30 on the 8th in Shanghai is still the 7th in UTC.
    await team.repA.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'visit',
      content: '上门演示',
      occurredAt: '2026-12-07T16:30:00Z',
    });
    const after = await team.repA.get(`/api/v1/visit-plans/${plan.body.id}`);
    expect(after.body.status).toBe('done');
    expect(after.body.fulfilledBy).toBeTruthy();
  });

  it('is not fulfilled by a phone call or by a visit on another day', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const plan = await team.repA.post('/api/v1/visit-plans', { planDate: '2026-12-09', customerId: customer.id });
    await team.repA.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'call',
      content: '电话',
      occurredAt: '2026-12-09T02:00:00Z',
    });
    await team.repA.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'visit',
      content: '拜访',
      occurredAt: '2026-12-10T02:00:00Z',
    });
    t.clock.set('2026-12-10T05:00:00Z');
    expect((await team.repA.get(`/api/v1/visit-plans/${plan.body.id}`)).body.status).toBe('missed');
  });

  it('refuses a second plan for the same customer on the same day', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    await team.repA.post('/api/v1/visit-plans', { planDate: '2026-12-11', customerId: customer.id });
    const again = await team.repA.post('/api/v1/visit-plans', { planDate: '2026-12-11', customerId: customer.id });
    expect(again.status).toBe(400);
    expect(again.body.error.fields.customerId).toBeTruthy();
  });

  it('sums plan against done per rep per day and week, with unplanned visits, for the manager', async () => {
    const team = await makeTeam(t.app, t.db);
    const [c1, c2, c3] = await Promise.all([makeCustomer(team.repA), makeCustomer(team.repA), makeCustomer(team.repA)]);
    await team.repA.post('/api/v1/visit-plans', { planDate: '2026-12-14', customerId: c1.id });
    await team.repA.post('/api/v1/visit-plans', { planDate: '2026-12-14', customerId: c2.id });
    await team.repA.post('/api/v1/follow-ups', { customerId: c1.id, type: 'visit', content: '拜访1', occurredAt: '2026-12-14T03:00:00Z' });
    await team.repA.post('/api/v1/follow-ups', {
      customerId: c3.id,
      type: 'visit',
      content: '临时拜访',
      occurredAt: '2026-12-15T03:00:00Z',
    });
    const byDay = await team.eastManager.get('/api/v1/visit-plans/summary?from=2026-12-14&to=2026-12-15');
    const rows = byDay.body.items.filter((r: { ownerId: string }) => r.ownerId === team.repA.userId);
    expect(rows).toEqual([
      expect.objectContaining({ period: '2026-12-14', planned: 2, done: 1, unplanned: 0 }),
      expect.objectContaining({ period: '2026-12-15', planned: 0, done: 0, unplanned: 1 }),
    ]);
    const byWeek = await team.eastManager.get('/api/v1/visit-plans/summary?from=2026-12-14&to=2026-12-20&groupBy=week');
    expect(byWeek.body.items.find((r: { ownerId: string }) => r.ownerId === team.repA.userId)).toMatchObject({
      period: '2026-W51',
      planned: 2,
      done: 1,
      unplanned: 1,
    });
    // Who did nothing is listed too: repB (and the manager himself), not repA, not the south team.
    const idle = byDay.body.idle.map((r: { ownerId: string }) => r.ownerId);
    expect(idle.sort()).toEqual([team.repB.userId, team.eastManager.userId].sort());
    const repB = await team.repB.get('/api/v1/visit-plans/summary?from=2026-12-14&to=2026-12-15');
    expect(repB.body.items).toEqual([]);
    expect(repB.body.idle).toEqual([{ ownerId: team.repB.userId, ownerName: expect.any(String) }]);
  });
});

describe('calendar (C5)', () => {
  it('shows tasks by Shanghai due date, planned visits and next follow-up dates', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    // 23:30 UTC on the 15th is the 16th in Shanghai.
    await team.repA.post('/api/v1/tasks', { title: '发合同', dueAt: '2026-12-15T23:30:00Z' });
    await team.repA.post('/api/v1/visit-plans', { planDate: '2026-12-17', customerId: customer.id, purpose: '签约' });
    await team.repA.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'call',
      content: '约时间',
      nextFollowUpDate: '2026-12-18',
    });
    const res = await team.repA.get('/api/v1/calendar?from=2026-12-16&to=2026-12-18');
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { kind: string; date: string }) => [e.kind, e.date])).toEqual([
      ['task', '2026-12-16'],
      ['visit_plan', '2026-12-17'],
      ['next_follow_up', '2026-12-18'],
    ]);
    expect((await team.repB.get('/api/v1/calendar?from=2026-12-16&to=2026-12-18')).body.items).toEqual([]);
  });

  it('refuses ranges longer than two months', async () => {
    const team = await makeTeam(t.app, t.db);
    expect((await team.repA.get('/api/v1/calendar?from=2026-01-01&to=2026-12-31')).status).toBe(400);
  });
});
