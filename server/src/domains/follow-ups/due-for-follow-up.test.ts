import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredJobs, runJobIfDue } from '../../platform/jobs/scheduler.js';
import { makeCustomer, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { KEY_CUSTOMER_REMINDER_JOB } from './key-customer-reminders.js';

let t: TestApp;
// The clock travels weeks ahead here; sessions must outlive the trip.
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
});
afterAll(() => t.close());

const reminderJob = () => {
  const job = registeredJobs().find((j) => j.name === KEY_CUSTOMER_REMINDER_JOB);
  if (!job) throw new Error('reminder job not registered');
  return job;
};

async function keyCustomerFollowedUpAt(client: Awaited<ReturnType<typeof makeTeam>>['repA'], at: string, cycle = 7) {
  const customer = await makeCustomer(client, { isKey: true, followUpCycleDays: cycle });
  const res = await client.post('/api/v1/follow-ups', { customerId: customer.id, type: 'call', content: '例行回访', occurredAt: at });
  expect(res.status).toBe(201);
  return customer;
}

const dueIds = async (client: Awaited<ReturnType<typeof makeTeam>>['repA']) =>
  (await client.get('/api/v1/customers/due-for-follow-up?pageSize=200')).body.items.map((c: { id: string }) => c.id);

describe('key customers due for follow-up (C6)', () => {
  it('counts the cycle in Shanghai days, not UTC days', async () => {
    const team = await makeTeam(t.app, t.db);
    // 01:00 on 11 November in Shanghai is still 10 November in UTC.
    const customer = await keyCustomerFollowedUpAt(team.repA, '2026-11-10T17:00:00Z');
    t.clock.set('2026-11-17T12:00:00Z'); // 20:00 on the 17th in Shanghai: day 6 of 7
    expect(await dueIds(team.repA)).not.toContain(customer.id);
    t.clock.set('2026-11-17T16:30:00Z'); // 00:30 on the 18th in Shanghai: due today
    const res = await team.repA.get('/api/v1/customers/due-for-follow-up');
    const item = res.body.items.find((c: { id: string }) => c.id === customer.id);
    expect(item).toMatchObject({ dueDate: '2026-11-18', overdueDays: 0, followUpCycleDays: 7 });
  });

  it('lists neither ordinary customers nor key customers without a cycle', async () => {
    const team = await makeTeam(t.app, t.db);
    const ordinary = await makeCustomer(team.repA, { isKey: false, followUpCycleDays: 1 });
    const noCycle = await makeCustomer(team.repA, { isKey: true });
    t.clock.set(new Date(Date.now() + 30 * 86_400_000));
    const ids = await dueIds(team.repA);
    expect(ids).not.toContain(ordinary.id);
    expect(ids).not.toContain(noCycle.id);
  });

  it('counts a never-followed-up key customer from its creation', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA, { isKey: true, followUpCycleDays: 3 });
    t.clock.set(new Date(Date.now() + 1 * 86_400_000));
    expect(await dueIds(team.repA)).not.toContain(customer.id);
    t.clock.set(new Date(Date.now() + 4 * 86_400_000));
    const item = (await team.repA.get('/api/v1/customers/due-for-follow-up')).body.items.find((c: { id: string }) => c.id === customer.id);
    expect(item.lastFollowUpAt).toBeNull();
  });

  it('drops the customer from the list once a follow-up is logged', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await keyCustomerFollowedUpAt(team.repA, '2026-10-01T02:00:00Z');
    t.clock.set('2026-11-20T02:00:00Z');
    expect(await dueIds(team.repA)).toContain(customer.id);
    await team.repA.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'visit',
      content: '上门拜访',
      occurredAt: '2026-11-20T01:00:00Z',
    });
    expect(await dueIds(team.repA)).not.toContain(customer.id);
  });

  it("shows a rep only his own due customers and the manager his team's", async () => {
    const team = await makeTeam(t.app, t.db);
    const a = await keyCustomerFollowedUpAt(team.repA, '2026-10-01T02:00:00Z');
    const b = await keyCustomerFollowedUpAt(team.repB, '2026-10-01T02:00:00Z');
    t.clock.set('2026-11-20T02:00:00Z');
    const repIds = await dueIds(team.repA);
    expect(repIds).toContain(a.id);
    expect(repIds).not.toContain(b.id);
    const managerIds = await dueIds(team.eastManager);
    expect(managerIds).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('gives a heads-up list with withinDays', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await keyCustomerFollowedUpAt(team.repA, '2026-11-15T02:00:00Z', 7); // due 22nd
    t.clock.set('2026-11-20T02:00:00Z');
    expect(await dueIds(team.repA)).not.toContain(customer.id);
    const soon = await team.repA.get('/api/v1/customers/due-for-follow-up?withinDays=3');
    expect(soon.body.items.find((c: { id: string }) => c.id === customer.id)?.overdueDays).toBe(-2);
  });
});

describe('key-customer reminders (scheduled job)', () => {
  it('notifies the owner once per customer per day, in his language', async () => {
    const team = await makeTeam(t.app, t.db);
    await team.repA.request('PUT', '/api/v1/auth/me/preferences', { locale: 'en' });
    const customer = await keyCustomerFollowedUpAt(team.repA, '2026-10-01T02:00:00Z');
    t.clock.set('2026-12-10T02:00:00Z');
    expect(await runJobIfDue(t.app.ctx, reminderJob(), { force: true })).toBe('ran');
    const first = await team.repA.get('/api/v1/notifications');
    const mine = first.body.items.filter((n: { link: string }) => n.link === `/customers/${customer.id}`);
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toContain('due for follow-up');

    // Same day again: the job is not due, and forcing it sends no duplicate.
    expect(await runJobIfDue(t.app.ctx, reminderJob())).toBe('skipped');
    await runJobIfDue(t.app.ctx, reminderJob(), { force: true });
    const again = await team.repA.get('/api/v1/notifications');
    expect(again.body.items.filter((n: { link: string }) => n.link === `/customers/${customer.id}`)).toHaveLength(1);

    // Next day, still not followed up: a new reminder.
    t.clock.set('2026-12-11T02:00:00Z');
    expect(await runJobIfDue(t.app.ctx, reminderJob())).toBe('ran');
    const nextDay = await team.repA.get('/api/v1/notifications');
    expect(nextDay.body.items.filter((n: { link: string }) => n.link === `/customers/${customer.id}`)).toHaveLength(2);
  });

  it('runs once when two servers tick at the same moment', async () => {
    t.clock.set('2026-12-20T02:00:00Z');
    const results = await Promise.all([runJobIfDue(t.app.ctx, reminderJob()), runJobIfDue(t.app.ctx, reminderJob())]);
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
  });
});

describe('notifications', () => {
  it('lets a user read and dismiss only his own notifications', async () => {
    const team = await makeTeam(t.app, t.db);
    await keyCustomerFollowedUpAt(team.repA, '2026-10-01T02:00:00Z');
    t.clock.set('2026-12-30T02:00:00Z');
    await runJobIfDue(t.app.ctx, reminderJob(), { force: true });
    const list = await team.repA.get('/api/v1/notifications?unread=true');
    expect(list.body.unread).toBeGreaterThan(0);
    const id = list.body.items[0].id;
    expect((await team.repB.post(`/api/v1/notifications/${id}/read`)).status).toBe(404);
    expect((await team.repA.post(`/api/v1/notifications/${id}/read`)).status).toBe(200);
    await team.repA.post('/api/v1/notifications/read-all');
    expect((await team.repA.get('/api/v1/notifications')).body.unread).toBe(0);
  });
});
