import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../test/smtp.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { registeredJobs, runJobIfDue } from '../jobs/scheduler.js';
import { escapeHtml, mailLayout } from './mail-html.js';
import { MAIL_OUTBOX_JOB, MAX_MAIL_ATTEMPTS, queueMail, sendDueMail } from './outbox.js';

let smtp: TestSmtp;
let t: TestApp;
const job = () => {
  const j = registeredJobs().find((x) => x.name === MAIL_OUTBOX_JOB);
  if (!j) throw new Error('mail job not registered');
  return j;
};

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: '销售CRM <crm@example.test>' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('mail outbox', () => {
  it('sends a queued mail over real SMTP once, with its Chinese subject and escaped HTML', async () => {
    const html = mailLayout({ lang: 'zh-CN', title: '销售日报', body: `<p>${escapeHtml('<客户> & 合同')}</p>` });
    await t.db
      .transaction()
      .execute((trx) =>
        queueMail(trx, [
          { kind: 'test', to: 'zhou@example.test', subject: '销售日报 12月7日', html, text: '客户 & 合同', dedupeKey: 'once' },
        ]),
      );
    // Queued twice under the same key: still one mail.
    expect(await queueMail(t.db, [{ kind: 'test', to: 'zhou@example.test', subject: 'x', html: 'x', text: 'x', dedupeKey: 'once' }])).toBe(
      0,
    );

    expect(await runJobIfDue(t.app.ctx, job(), { force: true })).toBe('ran');
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['zhou@example.test']);
    expect(mail?.from).toBe('crm@example.test');
    expect(mail?.subject).toBe('销售日报 12月7日');
    expect(mail?.html).toContain('&lt;客户&gt; &amp; 合同');
    expect(mail?.text.trim()).toBe('客户 & 合同');

    // A second run finds nothing due: the mail is not sent again.
    await runJobIfDue(t.app.ctx, job(), { force: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails).toHaveLength(1);
    const row = await t.db.selectFrom('mail_outbox').selectAll().where('dedupe_key', '=', 'once').executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    expect(row.attempts).toBe(1);
  });

  it('holds a batched mail until its time and nothing is lost when the transaction rolls back', async () => {
    const before = smtp.mails.length;
    const later = new Date(t.clock.now().getTime() + 3600_000);
    await queueMail(t.db, [{ kind: 'test', to: 'qian@example.test', subject: '待办汇总', html: '<p>3</p>', text: '3', sendAfter: later }]);
    await t.db
      .transaction()
      .execute(async (trx) => {
        await queueMail(trx, [{ kind: 'test', to: 'nobody@example.test', subject: 'rolled back', html: 'x', text: 'x' }]);
        throw new Error('abort');
      })
      .catch(() => undefined);
    await t.db.transaction().execute((trx) => sendDueMail(trx, t.app.ctx));
    expect(smtp.mails.length).toBe(before);

    t.clock.set(new Date(later.getTime() + 1000));
    await t.db.transaction().execute((trx) => sendDueMail(trx, t.app.ctx));
    const mails = await smtp.waitFor(before + 1);
    expect(mails.map((m) => m.subject)).toContain('待办汇总');
    expect(mails.map((m) => m.subject)).not.toContain('rolled back');
  });

  it('records a failure on the row and gives up after the last attempt', async () => {
    const dead = { ...t.app.ctx, config: { ...t.app.ctx.config, SMTP_URL: 'smtp://127.0.0.1:1' } };
    await queueMail(t.db, [{ kind: 'test', to: 'x@example.test', subject: 'unreachable', html: 'x', text: 'x', dedupeKey: 'dead' }]);
    for (let i = 0; i < MAX_MAIL_ATTEMPTS + 1; i++) {
      await t.db.transaction().execute((trx) => sendDueMail(trx, dead));
    }
    const row = await t.db.selectFrom('mail_outbox').selectAll().where('dedupe_key', '=', 'dead').executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.attempts).toBe(MAX_MAIL_ATTEMPTS);
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('without SMTP_URL mails wait in the outbox', async () => {
    const off = { ...t.app.ctx, config: { ...t.app.ctx.config, SMTP_URL: undefined } };
    await queueMail(t.db, [{ kind: 'test', to: 'y@example.test', subject: 'waits', html: 'x', text: 'x', dedupeKey: 'waits' }]);
    expect(await t.db.transaction().execute((trx) => sendDueMail(trx, off))).toEqual({ sent: 0, failed: 0 });
  });
});
