import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRep, makeUser, uniq } from '../../test/factories.js';
import { startTestSmtp, type TestSmtp } from '../../test/smtp.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { registeredJobs, runJobIfDue } from '../jobs/scheduler.js';
import { MAIL_OUTBOX_JOB, sendDueMail } from '../mail/outbox.js';
import { mailNotifications } from './notification-mail.js';
import { notify } from './notify.js';

let smtp: TestSmtp;
let t: TestApp;
const HOUR = 3600_000;
const mailJob = () => registeredJobs().find((j) => j.name === MAIL_OUTBOX_JOB) as NonNullable<ReturnType<typeof registeredJobs>[number]>;
const sendNow = () => t.db.transaction().execute((trx) => sendDueMail(trx, t.app.ctx));
const setEmail = (userId: string, email: string | null, locale = 'zh-CN') =>
  t.db.updateTable('users').set({ email, locale }).where('id', '=', userId).execute();
const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

/** Digests are per clock hour (of the database's now()): a test must not straddle the hour. */
async function awayFromHourEnd() {
  const left = HOUR - (Date.now() % HOUR);
  if (left < 5000) await new Promise((r) => setTimeout(r, left + 200));
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await startTestApp({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('the bell and 消息中心', () => {
  it('counts unread, filters by category, marks one and all read, only for their owner', async () => {
    const rep = await makeRep(t.app, t.db);
    const other = await makeRep(t.app, t.db);
    await notify(t.db, [
      { userId: rep.userId, kind: 'task_reminder', title: '任务提醒：回访王总' },
      { userId: rep.userId, kind: 'approval_todo', title: '待您审批：报价', link: '/approvals/x' },
      { userId: rep.userId, kind: 'mention', title: '钱经理 在跟进记录里@了你' },
      { userId: other.userId, kind: 'task_reminder', title: '别人的提醒' },
    ]);
    expect((await rep.get('/api/v1/notifications/unread-count')).body).toEqual({ unread: 3 });

    const approvals = await rep.get('/api/v1/notifications?category=approval');
    expect(approvals.body.items.map((n: { title: string }) => n.title)).toEqual(['待您审批：报价']);
    expect(approvals.body).toMatchObject({ total: 1, unread: 3 });
    expect(approvals.body.items[0].category).toBe('approval');

    const page = await rep.get('/api/v1/notifications?limit=2&page=2');
    expect(page.body).toMatchObject({ total: 3 });
    expect(page.body.items).toHaveLength(1);

    const one = approvals.body.items[0].id;
    expect((await other.post(`/api/v1/notifications/${one}/read`)).status).toBe(404);
    expect((await rep.post(`/api/v1/notifications/${one}/read`)).status).toBe(200);
    expect((await rep.get('/api/v1/notifications/unread-count')).body.unread).toBe(2);
    const unreadOnly = await rep.get('/api/v1/notifications?unread=true');
    expect(unreadOnly.body.items.map((n: { id: string }) => n.id)).not.toContain(one);

    expect((await rep.post('/api/v1/notifications/read-all')).status).toBe(200);
    expect((await rep.get('/api/v1/notifications/unread-count')).body.unread).toBe(0);
    expect((await other.get('/api/v1/notifications/unread-count')).body.unread).toBe(1);
    expect((await rep.get('/api/v1/notifications?category=fax')).status).toBe(400);
  });
});

describe('e-mail preferences', () => {
  it('starts from the registry defaults, stores a choice per kind and names the address', async () => {
    const rep = await makeRep(t.app, t.db);
    const before = await rep.get('/api/v1/notifications/preferences');
    expect(before.body.emailAddress).toBeNull();
    const kinds = new Map(before.body.kinds.map((k: { key: string }) => [k.key, k]));
    // Kinds from the platform (approvals, mentions) and from domains (tasks, orders, follow-ups, pool).
    for (const key of ['approval_todo', 'mention', 'task_reminder', 'delivery_due', 'follow_up_due', 'customer_pool_warning']) {
      expect(kinds.has(key)).toBe(true);
    }
    expect(kinds.get('approval_todo')).toMatchObject({ category: 'approval', urgent: true, emailDefault: true, email: true });
    expect(kinds.get('follow_up_due')).toMatchObject({ category: 'reminder', emailDefault: false, email: false });
    expect((kinds.get('mention') as { labels: Record<string, string> }).labels['zh-CN']).toBe('有人@我');

    expect((await rep.request('PUT', '/api/v1/notifications/preferences/follow_up_due', { email: true })).status).toBe(200);
    expect((await rep.request('PUT', '/api/v1/notifications/preferences/approval_todo', { email: false })).status).toBe(200);
    expect((await rep.request('PUT', '/api/v1/notifications/preferences/no_such_kind', { email: true })).status).toBe(404);
    expect((await rep.request('PUT', '/api/v1/notifications/preferences/mention', { email: 'yes' })).status).toBe(400);
    await setEmail(rep.userId, 'rep@example.test');
    const after = await rep.get('/api/v1/notifications/preferences');
    expect(after.body.emailAddress).toBe('rep@example.test');
    const now = new Map(after.body.kinds.map((k: { key: string; email: boolean }) => [k.key, k.email]));
    expect(now.get('follow_up_due')).toBe(true);
    expect(now.get('approval_todo')).toBe(false);
  });
});

describe('e-mail batching', () => {
  it('puts three notifications of an hour into one digest mail, sent after the hour, in the user’s language', async () => {
    await awayFromHourEnd();
    const rep = await makeRep(t.app, t.db);
    const address = `${uniq('zhou')}@example.test`;
    await setEmail(rep.userId, address);
    await rep.request('PUT', '/api/v1/notifications/preferences/follow_up_due', { email: true });
    const titles = ['该跟进「华东机电」了', '该跟进「上海精工」了', '该跟进「苏州<电子>」了'];
    // Three separate writers, as three job runs would be.
    for (const title of titles) {
      await t.db.transaction().execute((trx) => notify(trx, [{ userId: rep.userId, kind: 'follow_up_due', title, link: '/customers/1' }]));
    }
    t.clock.set(new Date());
    await sendNow();
    expect(mailsTo(address)).toHaveLength(0);

    const hourEnd = Math.ceil(Date.now() / HOUR) * HOUR;
    t.clock.set(new Date(hourEnd + 1000));
    await sendNow();
    await smtp.waitFor(1);
    const mails = mailsTo(address);
    expect(mails).toHaveLength(1);
    const mail = mails[0] as (typeof mails)[number];
    expect(mail.subject).toBe('重点客户该跟进了：3 条新消息');
    expect(mail.html).toContain('该跟进「华东机电」了');
    expect(mail.html).toContain('该跟进「上海精工」了');
    expect(mail.html).toContain('苏州&lt;电子&gt;');
    for (const title of titles) expect(mail.text).toContain(title);

    // A fourth of the same hour whose writer committed after the digest went: the next hour's mail.
    const [late] = await t.db
      .insertInto('notifications')
      .values({ user_id: rep.userId, kind: 'follow_up_due', title: '迟到的提醒', created_at: new Date(hourEnd - 60_000) })
      .returning(['id', 'user_id', 'kind', 'created_at'])
      .execute();
    await t.db.transaction().execute((trx) => mailNotifications(trx, [late as NonNullable<typeof late>]));
    await sendNow();
    expect(mailsTo(address)).toHaveLength(1);
    t.clock.set(new Date(hourEnd + HOUR + 1000));
    await sendNow();
    await expect.poll(() => mailsTo(address).length).toBe(2);
    expect(mailsTo(address)[1]?.subject).toBe('迟到的提醒');
  });

  it('loses nothing when two writers add to the same digest at once', async () => {
    await awayFromHourEnd();
    const rep = await makeRep(t.app, t.db);
    await setEmail(rep.userId, `${uniq('both')}@example.test`);
    await rep.request('PUT', '/api/v1/notifications/preferences/customer_returned_to_pool', { email: true });
    // On PostgreSQL these transactions really overlap; the second waits for the first's outbox row.
    await Promise.all(
      ['「甲」已退回公海', '「乙」已退回公海', '「丙」已退回公海'].map((title) =>
        t.db.transaction().execute(async (trx) => {
          await notify(trx, [{ userId: rep.userId, kind: 'customer_returned_to_pool', title }]);
          await new Promise((r) => setTimeout(r, 50));
        }),
      ),
    );
    const rows = await t.db.selectFrom('mail_outbox').select(['subject', 'text']).where('to_user_id', '=', rep.userId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.subject).toBe('客户已退回公海：3 条新消息');
    for (const name of ['甲', '乙', '丙']) expect(rows[0]?.text).toContain(`「${name}」已退回公海`);
  });

  it('mails an urgent kind at once, one mail per notification, in English for an English user', async () => {
    const rep = await makeRep(t.app, t.db);
    const address = `${uniq('qian')}@example.test`;
    await setEmail(rep.userId, address, 'en');
    t.clock.set(new Date());
    await notify(t.db, [
      { userId: rep.userId, kind: 'approval_todo', title: 'Awaiting your approval: Quote "Q-1"' },
      { userId: rep.userId, kind: 'approval_todo', title: 'Awaiting your approval: Contract "C-7"' },
    ]);
    await sendNow();
    await expect.poll(() => mailsTo(address).length).toBe(2);
    expect(
      mailsTo(address)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['Awaiting your approval: Contract "C-7"', 'Awaiting your approval: Quote "Q-1"']);
    expect(mailsTo(address)[0]?.html).toContain('lang="en"');
    expect(mailsTo(address)[0]?.text).toContain('Profile → Notifications');
  });

  it('sends nothing by mail to a user without an address or who turned the kind off', async () => {
    const noAddress = await makeUser(t.db);
    const optedOut = await makeRep(t.app, t.db);
    const address = `${uniq('off')}@example.test`;
    await setEmail(optedOut.userId, address);
    await optedOut.request('PUT', '/api/v1/notifications/preferences/approval_todo', { email: false });
    await notify(t.db, [
      { userId: noAddress.id, kind: 'approval_todo', title: '待您审批' },
      { userId: optedOut.userId, kind: 'approval_todo', title: '待您审批' },
    ]);
    const queued = await t.db.selectFrom('mail_outbox').select('id').where('to_user_id', 'in', [noAddress.id, optedOut.userId]).execute();
    expect(queued).toHaveLength(0);
  });

  it('sends each mail once when two servers run the mail job at the same moment', async () => {
    const rep = await makeRep(t.app, t.db);
    const address = `${uniq('twice')}@example.test`;
    await setEmail(rep.userId, address);
    t.clock.set(new Date());
    await notify(
      t.db,
      [1, 2, 3, 4, 5].map((i) => ({ userId: rep.userId, kind: 'approval_todo', title: `待您审批：第 ${i} 张` })),
    );
    await Promise.all([runJobIfDue(t.app.ctx, mailJob(), { force: true }), runJobIfDue(t.app.ctx, mailJob(), { force: true }), sendNow()]);
    await expect.poll(() => mailsTo(address).length).toBe(5);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo(address)).toHaveLength(5);
    expect(new Set(mailsTo(address).map((m) => m.subject)).size).toBe(5);
  });
});
