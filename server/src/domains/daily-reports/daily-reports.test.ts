import type { DailyDay, DailySectionResult } from '@contracts/daily-reports.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredJobs, runJobIfDue } from '../../platform/jobs/scheduler.js';
import { MAIL_OUTBOX_JOB } from '../../platform/mail/outbox.js';
import { makeAdmin, makeCustomer, makeTeam, TEST_PASSWORD } from '../../test/factories.js';
import { startTestSmtp, type TestSmtp } from '../../test/smtp.js';
import { login, startTestApp, type TestApp } from '../../test/test-app.js';
import { addStageHistory, makeOpportunity, makePipeline } from '../pipeline-reports/report-test-data.js';
import { DAILY_REPORT_JOB } from './daily-report-job.js';
import { saveDailyReportSettings } from './daily-report-settings.js';

// The fixture day: 2026-03-10 in Asia/Shanghai = 2026-03-09T16:00Z … 2026-03-10T16:00Z.
const DAY = '2026-03-10';
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

let smtp: TestSmtp;
let t: TestApp;
let team: Awaited<ReturnType<typeof makeTeam>>;
let keyCustomer: string;

const job = (name: string) => {
  const j = registeredJobs().find((x) => x.name === name);
  if (!j) throw new Error(`${name} not registered`);
  return j;
};
const runDaily = () => runJobIfDue(t.app.ctx, job(DAILY_REPORT_JOB), { force: true });
const sendMail = () => runJobIfDue(t.app.ctx, job(MAIL_OUTBOX_JOB), { force: true });
const section = (body: DailyDay, key: string): DailySectionResult => {
  const found = body.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
};

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await startTestApp({ SMTP_URL: smtp.url, CRM_TIME_ZONE: 'Asia/Shanghai' });
  t.clock.set(at('2026-03-11T10:00:00'));
  team = await makeTeam(t.app, t.db);
  const { db } = t;
  // Managers head their departments; mail addresses and languages differ per person.
  await db.updateTable('departments').set({ manager_id: team.eastManager.userId }).where('id', '=', team.departments.east).execute();
  await db.updateTable('departments').set({ manager_id: team.director.userId }).where('id', '=', team.departments.center).execute();
  const person = (id: string, email: string, locale: string) =>
    db.updateTable('users').set({ email, locale }).where('id', '=', id).execute();
  await person(team.repA.userId, 'repa@example.test', 'zh-CN');
  await person(team.repB.userId, 'repb@example.test', 'en');
  await person(team.eastManager.userId, 'east@example.test', 'zh-TW');
  await person(team.director.userId, 'boss@example.test', 'zh-CN');

  const repA = { userId: team.repA.userId, deptId: team.departments.shanghai };
  // Two customers created either side of midnight before the fixture day.
  const jia = await makeCustomer(team.repA, { name: '甲方科技有限公司' });
  const yi = await makeCustomer(team.repA, { name: '乙方贸易有限公司' });
  await db
    .updateTable('customers')
    .set({ created_at: at('2026-03-10T00:05:00') })
    .where('id', '=', jia.id)
    .execute();
  await db
    .updateTable('customers')
    .set({ created_at: at('2026-03-09T23:55:00') })
    .where('id', '=', yi.id)
    .execute();
  for (const [occurredAt, content] of [
    ['2026-03-09T23:30:00', '昨晚的电话'],
    ['2026-03-10T00:10:00', '凌晨确认报价'],
    ['2026-03-10T23:50:00', '深夜回访 <b>要合同</b>'],
  ]) {
    const res = await team.repA.post('/api/v1/follow-ups', { customerId: jia.id, type: 'call', content, occurredAt: at(occurredAt) });
    expect(res.status).toBe(201);
  }
  await db
    .insertInto('tasks')
    .values({
      owner_id: team.repA.userId,
      owner_dept_id: team.departments.shanghai,
      title: '寄样品',
      priority: 'normal',
      status: 'done',
      completed_at: at('2026-03-10T17:00:00'),
    })
    .execute();
  await db
    .insertInto('visit_plans')
    .values([
      { owner_id: team.repA.userId, owner_dept_id: team.departments.shanghai, plan_date: DAY, customer_id: jia.id, purpose: '演示' },
      { owner_id: team.repA.userId, owner_dept_id: team.departments.shanghai, plan_date: DAY, customer_id: yi.id, purpose: '送合同' },
    ])
    .execute();
  const pipeline = await makePipeline(db);
  const moved = await makeOpportunity(db, {
    owner: repA,
    pipeline,
    stage: 'quote',
    amount: '120000.00',
    createdAt: at('2026-03-10T09:00:00'),
  });
  await addStageHistory(db, moved, pipeline, [
    ['intent', at('2026-03-10T09:00:00')],
    ['quote', at('2026-03-10T15:00:00')],
  ]);
  await makeOpportunity(db, {
    owner: repA,
    pipeline,
    stage: 'won',
    amount: '88000.50',
    createdAt: at('2026-02-01T10:00:00'),
    closedAt: at('2026-03-10T23:59:00'),
  });
  // repB logged nothing and owns a key customer untouched for a month.
  const key = await makeCustomer(team.repB, { name: '丙方重点客户', isKey: true, followUpCycleDays: 7 });
  keyCustomer = key.id;
  await db
    .updateTable('customers')
    .set({ created_at: at('2026-02-01T10:00:00') })
    .where('id', '=', key.id)
    .execute();
});

afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('销售日报 (T3)', () => {
  it("collects a rep's day by the company's midnight: what happened before it belongs to the day before", async () => {
    const res = await team.repA.get(`/api/v1/daily-reports/day?day=${DAY}`);
    expect(res.status).toBe(200);
    expect(section(res.body, 'new-customers').items.map((i) => i.title)).toEqual(['甲方科技有限公司']);
    expect(section(res.body, 'follow-ups').items.map((i) => i.detail)).toEqual(['凌晨确认报价', '深夜回访 <b>要合同</b>']);
    expect(section(res.body, 'tasks-done').count).toBe(1);
    expect(section(res.body, 'visits')).toMatchObject({ count: 2, done: 0 });
    expect(section(res.body, 'deals-created').count).toBe(1);
    expect(section(res.body, 'deals-moved').items[0]?.detail).toBe('意向确认 → 报价');
    expect(section(res.body, 'deals-won')).toMatchObject({ count: 1, amount: '88000.50' });
    // 2 follow-ups + customer + task + created + moved + won; the two open visit plans are not work done.
    expect(res.body.activityCount).toBe(7);

    const before = await team.repA.get('/api/v1/daily-reports/day?day=2026-03-09');
    expect(section(before.body, 'new-customers').items.map((i) => i.title)).toEqual(['乙方贸易有限公司']);
    expect(section(before.body, 'follow-ups').items.map((i) => i.detail)).toEqual(['昨晚的电话']);
  });

  it('keeps the comment and plan, editable that day and the next; the plan reappears on the next day', async () => {
    // The clock stands on 03-11: 03-10 is still open.
    const saved = await team.repA.request('PUT', '/api/v1/daily-reports/day/notes', {
      day: DAY,
      comment: '甲方基本谈妥',
      plan: '上午去甲方签合同',
    });
    expect(saved.status).toBe(200);
    const day = await team.repA.get(`/api/v1/daily-reports/day?day=${DAY}`);
    expect(day.body).toMatchObject({ comment: '甲方基本谈妥', plan: '上午去甲方签合同', editable: true });
    const next = await team.repA.get('/api/v1/daily-reports/day?day=2026-03-11');
    expect(next.body).toMatchObject({ previousPlan: '上午去甲方签合同', plan: null });

    const old = await team.repA.request('PUT', '/api/v1/daily-reports/day/notes', { day: '2026-03-09', comment: '补写' });
    expect(old.status).toBe(422);
    expect(old.body.error.message).toContain('当天和第二天');
    const future = await team.repA.request('PUT', '/api/v1/daily-reports/day/notes', { day: '2026-03-12', comment: 'x' });
    expect(future.status).toBe(400);
    const noSuchDay = await team.repA.request('PUT', '/api/v1/daily-reports/day/notes', { day: '2026-02-30', comment: 'x' });
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body.error.fields.day).toBeTruthy();
    expect((await team.repA.get('/api/v1/daily-reports/day?day=2026-13-01')).status).toBe(400);
    expect((await team.repA.get('/api/v1/daily-reports/day?userId=nope')).status).toBe(400);
    expect((await team.repA.get('/api/v1/daily-reports/team?period=month')).status).toBe(400);
    const tooLong = await team.repA.request('PUT', '/api/v1/daily-reports/day/notes', { day: DAY, comment: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.comment).toBeTruthy();
  });

  it("shows a rep's day only within the reader's scope", async () => {
    const url = `/api/v1/daily-reports/day?day=${DAY}&userId=${team.repA.userId}`;
    expect((await team.repB.get(url)).status).toBe(404);
    expect((await team.southManager.get(url)).status).toBe(404);
    const manager = await team.eastManager.get(url);
    expect(manager.status).toBe(200);
    expect(manager.body.editable).toBe(false);
    expect((await team.director.get(url)).status).toBe(200);
    expect((await team.director.get(`/api/v1/daily-reports/day?userId=${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('rolls the team day up the department tree and names who logged nothing and the untouched key customers', async () => {
    expect((await team.repA.get(`/api/v1/daily-reports/team?day=${DAY}`)).status).toBe(403);
    const res = await team.eastManager.get(`/api/v1/daily-reports/team?day=${DAY}`);
    expect(res.status).toBe(200);
    const names = res.body.reps.map((r: { userId: string }) => r.userId);
    expect(names).toContain(team.repA.userId);
    expect(names).toContain(team.repB.userId);
    expect(names).not.toContain(team.repSouth.userId);
    expect(res.body.silent.map((s: { userId: string }) => s.userId)).toContain(team.repB.userId);
    expect(res.body.silent.map((s: { userId: string }) => s.userId)).not.toContain(team.repA.userId);
    expect(res.body.untouchedKeyCustomers.map((c: { id: string }) => c.id)).toEqual([keyCustomer]);
    const shanghai = res.body.departments.find((d: { id: string }) => d.id === team.departments.shanghai);
    const east = res.body.departments.find((d: { id: string }) => d.id === team.departments.east);
    expect(shanghai).toMatchObject({ repCount: 2, counts: { 'follow-ups': 2 } });
    // The manager's own day is not part of his team's.
    expect(east.repCount).toBe(2);
    expect(names).not.toContain(team.eastManager.userId);
    expect(east.counts['follow-ups']).toBe(2);
    expect(res.body.needsAttention[0]).toMatchObject({ userId: team.repB.userId, silent: true, untouchedKeyCustomers: 1 });

    const director = await team.director.get(`/api/v1/daily-reports/team?day=${DAY}`);
    expect(director.body.reps.map((r: { userId: string }) => r.userId)).toContain(team.repSouth.userId);
    // For the director, 华东 holds 上海组 and its manager, who sells too.
    expect(director.body.departments.find((d: { id: string }) => d.id === team.departments.east).repCount).toBe(3);
    const narrowed = await team.director.get(`/api/v1/daily-reports/team?day=${DAY}&departmentId=${team.departments.south}`);
    const south = narrowed.body.reps.map((r: { userId: string }) => r.userId);
    expect(south).toContain(team.repSouth.userId);
    expect(south).not.toContain(team.repA.userId);

    const week = await team.eastManager.get(`/api/v1/daily-reports/team?period=week&day=${DAY}`);
    expect(week.body).toMatchObject({ firstDay: '2026-03-09', lastDay: '2026-03-15' });
    const repAWeek = week.body.reps.find((r: { userId: string }) => r.userId === team.repA.userId);
    // Monday's call and customer count in the week too.
    expect(repAWeek.counts).toMatchObject({ 'follow-ups': 3, 'new-customers': 2 });
    expect(repAWeek.notesDays).toBe(1);
  });

  it('sends each rep his report and each manager the team summary once, by real SMTP, in their language', async () => {
    t.clock.set(at('2026-03-10T19:00:00'));
    expect(await runDaily()).toBe('ran');
    await sendMail();
    const mails = await smtp.waitFor(4);
    const to = (address: string) => mails.filter((m) => m.to.includes(address));
    const repA = to('repa@example.test');
    expect(repA).toHaveLength(1);
    expect(repA[0]?.subject).toBe(`销售日报 ${DAY} · ${team.repA.username}`);
    expect(repA[0]?.html).toContain('凌晨确认报价');
    expect(repA[0]?.html).toContain('深夜回访 &lt;b&gt;要合同&lt;/b&gt;');
    expect(repA[0]?.html).not.toContain('昨晚的电话');
    expect(repA[0]?.html).toContain('¥88,000.50');
    expect(repA[0]?.html).toContain('上午去甲方签合同');
    expect(to('repb@example.test')[0]?.subject).toBe(`Daily sales report ${DAY} · ${team.repB.username}`);
    expect(to('repb@example.test')[0]?.text).toContain('Nothing was logged');
    const east = to('east@example.test').find((m) => m.subject.startsWith('團隊日報'));
    expect(east?.subject).toContain(DAY);
    expect(east?.html).toContain('丙方重点客户');
    expect(east?.html).toContain(team.repB.username);
    const boss = to('boss@example.test');
    expect(boss).toHaveLength(1);
    expect(boss[0]?.html).toContain(team.repSouth.username);

    const inApp = await team.repA.get('/api/v1/notifications');
    expect(JSON.stringify(inApp.body)).toContain(`${DAY} 的销售日报已生成`);
    const day = await team.repA.get(`/api/v1/daily-reports/day?day=${DAY}`);
    expect(day.body.deliveredAt).not.toBeNull();

    // Run again: the day is done, nothing more is queued or sent.
    const count = mails.length;
    await runDaily();
    await sendMail();
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails).toHaveLength(count);
  });

  it('catches up the days missed while down, at most three, and never twice even when two runs race', async () => {
    const before = smtp.mails.length;
    // Down from 03-10 evening until 03-20 noon: 03-17, 03-18, 03-19 are due (03-20 not yet 18:00).
    t.clock.set(at('2026-03-20T12:00:00'));
    const runs = await Promise.all([runDaily(), runDaily()]);
    expect(runs.filter((r) => r === 'ran').length).toBeGreaterThanOrEqual(1);
    const days = await t.db.selectFrom('daily_report_runs').select('day').orderBy('day').execute();
    expect(days.map((d) => d.day)).toEqual([DAY, '2026-03-17', '2026-03-18', '2026-03-19']);
    await Promise.all([sendMail(), sendMail()]);
    await sendMail();
    const repAMails = () => smtp.mails.slice(before).filter((m) => m.to.includes('repa@example.test'));
    await smtp.waitFor(before + 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      repAMails()
        .map((m) => m.subject.slice(5, 15))
        .sort(),
    ).toEqual(['2026-03-17', '2026-03-18', '2026-03-19']);
    const rows = await t.db.selectFrom('daily_reports').select(['day']).where('owner_id', '=', team.repA.userId).execute();
    expect(rows.filter((r) => r.day === '2026-03-18')).toHaveLength(1);
  });

  it('follows the company setting: a later send time and e-mail switched off; only the admin may change it', async () => {
    // Sessions from the fixture day have expired on the clock; sign in again.
    const director = await login(t.app, team.director.username, TEST_PASSWORD);
    const repB = await login(t.app, team.repB.username, TEST_PASSWORD);
    expect((await director.request('PUT', '/api/v1/daily-reports/settings', { sendAt: '20:30', emailEnabled: false })).status).toBe(403);
    const admin = await makeAdmin(t.app, t.db);
    expect((await admin.request('PUT', '/api/v1/daily-reports/settings', { sendAt: '25:00', emailEnabled: true })).status).toBe(400);
    expect((await admin.request('PUT', '/api/v1/daily-reports/settings', { sendAt: '20:30', emailEnabled: false })).status).toBe(200);
    expect((await repB.get('/api/v1/daily-reports/settings')).body).toEqual({ sendAt: '20:30', emailEnabled: false });

    const queued = async () =>
      Number(
        (
          await t.db
            .selectFrom('mail_outbox')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const mailsBefore = await queued();
    t.clock.set(at('2026-03-20T19:00:00'));
    await runDaily();
    expect((await t.db.selectFrom('daily_report_runs').select('day').where('day', '=', '2026-03-20').execute()).length).toBe(0);
    t.clock.set(at('2026-03-20T20:31:00'));
    await runDaily();
    expect((await t.db.selectFrom('daily_report_runs').select('day').where('day', '=', '2026-03-20').execute()).length).toBe(1);
    expect(await queued()).toBe(mailsBefore);
    const inApp = await (await login(t.app, team.repB.username, TEST_PASSWORD)).get('/api/v1/notifications');
    expect(JSON.stringify(inApp.body)).toContain('2026-03-20');
  });

  it("closes the week on its Sunday: each manager also gets the team's week, once", async () => {
    await saveDailyReportSettings(t.db, { sendAt: '18:00', emailEnabled: true });
    const before = smtp.mails.length;
    t.clock.set(at('2026-03-22T19:00:00'));
    await runDaily();
    await sendMail();
    await runDaily();
    await sendMail();
    await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    const weekly = smtp.mails.slice(before).filter((m) => m.subject.startsWith('團隊週報'));
    expect(weekly).toHaveLength(1);
    expect(weekly[0]?.to).toEqual(['east@example.test']);
    expect(weekly[0]?.subject).toContain('2026-03-16–2026-03-22');
    expect(weekly[0]?.html).toContain('本週沒有記錄工作的人');
    expect(weekly[0]?.html).toContain(team.repB.username);
    // Saturday's run (also due) sent days, not weeks.
    expect(smtp.mails.slice(before).filter((m) => m.subject.includes('2026-03-21') && m.subject.startsWith('團隊日報'))).toHaveLength(1);
  });

  it("follows each reader's own e-mail choice for the report, and the centre sends no second mail of it", async () => {
    const repB = await login(t.app, team.repB.username, TEST_PASSWORD);
    expect((await repB.request('PUT', '/api/v1/notifications/preferences/daily_report', { email: false })).status).toBe(200);
    const before = smtp.mails.length;
    t.clock.set(at('2026-03-23T19:00:00'));
    await runDaily();
    t.clock.set(at('2026-03-23T21:00:00'));
    await sendMail();
    await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    const fresh = smtp.mails.slice(before);
    expect(fresh.filter((m) => m.to.includes('repa@example.test')).map((m) => m.subject)).toEqual([
      `销售日报 2026-03-23 · ${team.repA.username}`,
    ]);
    expect(fresh.filter((m) => m.to.includes('repb@example.test'))).toHaveLength(0);
    // The in-app line is still there for him (signed in again: the clock moved past his session).
    const again = await login(t.app, team.repB.username, TEST_PASSWORD);
    expect(JSON.stringify((await again.get('/api/v1/notifications')).body)).toContain('2026-03-23');
  });
});
