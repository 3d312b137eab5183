import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredJobs, runJobIfDue } from '../../platform/jobs/scheduler.js';
import { makeCustomer, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { TASK_REMINDER_JOB } from './task-reminders.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
});
afterAll(() => t.close());

describe('tasks (C5)', () => {
  it('assigns a task to a rep in the manager’s team and lets the rep complete it', async () => {
    const team = await makeTeam(t.app, t.db);
    const created = await team.eastManager.post('/api/v1/tasks', {
      title: '准备华创的报价单',
      ownerId: team.repA.userId,
      priority: 'high',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerId: team.repA.userId, status: 'open', priority: 'high', completedAt: null });
    t.clock.set('2026-12-01T03:00:00Z');
    const done = await team.repA.patch(`/api/v1/tasks/${created.body.id}`, { version: created.body.version, status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.completedAt).toBe('2026-12-01T03:00:00.000Z');
    const reopened = await team.repA.patch(`/api/v1/tasks/${created.body.id}`, { version: done.body.version, status: 'open' });
    expect(reopened.body.completedAt).toBeNull();
  });

  it('sorts by priority in its meaning (urgent > high > normal > low), not alphabetically', async () => {
    const team = await makeTeam(t.app, t.db);
    for (const priority of ['normal', 'urgent', 'low', 'high']) {
      expect((await team.repA.post('/api/v1/tasks', { title: `任务-${priority}`, priority })).status).toBe(201);
    }
    const desc = await team.repA.get('/api/v1/tasks?sort=-priority');
    expect(desc.body.items.map((x: { priority: string }) => x.priority)).toEqual(['urgent', 'high', 'normal', 'low']);
    const asc = await team.repA.get('/api/v1/tasks?sort=priority');
    expect(asc.body.items.map((x: { priority: string }) => x.priority)).toEqual(['low', 'normal', 'high', 'urgent']);
  });

  it('does not let a rep hand a task to someone outside his scope', async () => {
    const team = await makeTeam(t.app, t.db);
    const res = await team.repA.post('/api/v1/tasks', { title: '帮我做', ownerId: team.repB.userId });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.ownerId).toBeTruthy();
  });

  it('flags open tasks past their due time as overdue and filters them', async () => {
    const team = await makeTeam(t.app, t.db);
    const late = await team.repA.post('/api/v1/tasks', { title: '回访', dueAt: '2026-12-02T02:00:00Z' });
    await team.repA.post('/api/v1/tasks', { title: '以后再说', dueAt: '2027-01-20T02:00:00Z' });
    t.clock.set('2026-12-03T02:00:00Z');
    const overdue = await team.repA.get('/api/v1/tasks?overdue=true');
    expect(overdue.body.items.map((x: { id: string }) => x.id)).toEqual([late.body.id]);
    expect(overdue.body.items[0].overdue).toBe(true);
  });

  it('reminds the assignee once when the reminder time comes', async () => {
    const team = await makeTeam(t.app, t.db);
    const task = await team.repA.post('/api/v1/tasks', { title: '给王总打电话', remindAt: '2026-12-05T01:00:00Z' });
    const job = registeredJobs().find((j) => j.name === TASK_REMINDER_JOB);
    if (!job) throw new Error('task reminder job missing');
    t.clock.set('2026-12-05T00:59:00Z');
    await runJobIfDue(t.app.ctx, job, { force: true });
    const before = (await team.repA.get('/api/v1/notifications')).body.items.filter((n: { link: string }) => n.link.includes(task.body.id));
    expect(before).toHaveLength(0);
    t.clock.set('2026-12-05T01:00:30Z');
    await runJobIfDue(t.app.ctx, job, { force: true });
    await runJobIfDue(t.app.ctx, job, { force: true });
    const after = (await team.repA.get('/api/v1/notifications')).body.items.filter((n: { link: string }) => n.link.includes(task.body.id));
    expect(after).toHaveLength(1);
    expect(after[0].title).toContain('给王总打电话');
  });

  it('keeps tasks private to the scope and shows a customer’s tasks on its timeline', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const task = await team.repA.post('/api/v1/tasks', { title: '寄样品', customerId: customer.id });
    expect(task.body.customerName).toBe(customer.name);
    expect((await team.repB.get(`/api/v1/tasks/${task.body.id}`)).status).toBe(404);
    const timeline = await team.repA.get(`/api/v1/customers/${customer.id}/timeline?types=task`);
    expect(timeline.body.items.map((i: { title: string }) => i.title)).toEqual(['寄样品']);
  });

  it('moves only open tasks when a leaving rep’s records are transferred', async () => {
    const team = await makeTeam(t.app, t.db);
    const open = await team.repA.post('/api/v1/tasks', { title: '未完成' });
    const done = await team.repA.post('/api/v1/tasks', { title: '已完成', status: 'done' });
    const admin = await import('../../test/factories.js').then((f) => f.makeClient(t.app, t.db, { role: 'admin' }));
    const res = await admin.post('/api/v1/transfers', { fromUserId: team.repA.userId, toUserId: team.repB.userId });
    expect(res.status).toBe(200);
    expect((await team.repB.get(`/api/v1/tasks/${open.body.id}`)).status).toBe(200);
    expect((await team.repA.get(`/api/v1/tasks/${done.body.id}`)).status).toBe(200);
  });
});
