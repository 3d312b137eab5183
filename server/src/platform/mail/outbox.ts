import { createTransport, type Transporter } from 'nodemailer';
import type { AppContext } from '../app-context.js';
import type { Db } from '../db/database.js';
import { registerJob } from '../jobs/scheduler.js';
import './mail-tables.js';

export interface OutgoingMail {
  /** What the mail is about (e.g. 'daily-report', 'notification:approval'); kept for the log and tests. */
  kind: string;
  to: string;
  toUserId?: string | null;
  subject: string;
  html: string;
  text: string;
  /** A mail with a key already queued is not queued again, so a job that reruns sends once. */
  dedupeKey?: string;
  /** Held until then: batching collects what arrives before it. */
  sendAfter?: Date;
}

/** Queues mails in the caller's transaction; returns how many were new. */
export async function queueMail(trx: Db, mails: OutgoingMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const res = await trx
    .insertInto('mail_outbox')
    .values(
      mails.map((m) => ({
        kind: m.kind,
        to_address: m.to,
        to_user_id: m.toUserId ?? null,
        subject: m.subject,
        html: m.html,
        text: m.text,
        dedupe_key: m.dedupeKey ?? null,
        send_after: m.sendAfter ?? null,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return res.length;
}

// One transport per SMTP URL and process: it pools nothing across servers, it only saves the
// connection set-up; every server sends from the shared outbox.
const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/** After this many failed attempts a mail is left for an administrator to look at. */
export const MAX_MAIL_ATTEMPTS = 5;
const BATCH = 100;

/**
 * Sends what is due. Rows are claimed with SKIP LOCKED, so a second sender (a forced run beside
 * the scheduled one) takes other rows; a failure is recorded on its row and retried next run.
 */
export async function sendDueMail(trx: Db, ctx: AppContext): Promise<{ sent: number; failed: number }> {
  const url = ctx.config.SMTP_URL;
  if (!url) return { sent: 0, failed: 0 };
  const now = ctx.clock.now();
  const due = await trx
    .selectFrom('mail_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where((eb) => eb.or([eb('send_after', 'is', null), eb('send_after', '<=', now)]))
    .where('attempts', '<', MAX_MAIL_ATTEMPTS)
    .orderBy('created_at')
    .limit(BATCH)
    .forUpdate()
    .skipLocked()
    .execute();
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    try {
      await transportFor(url).sendMail({ from: ctx.config.MAIL_FROM, to: m.to_address, subject: m.subject, html: m.html, text: m.text });
      await trx
        .updateTable('mail_outbox')
        .set({ sent_at: ctx.clock.now(), attempts: m.attempts + 1, last_error: null })
        .where('id', '=', m.id)
        .execute();
      sent++;
    } catch (err) {
      await trx
        .updateTable('mail_outbox')
        .set({ attempts: m.attempts + 1, last_error: String(err).slice(0, 2000) })
        .where('id', '=', m.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}

export const MAIL_OUTBOX_JOB = 'mail-outbox';

registerJob({
  name: MAIL_OUTBOX_JOB,
  everyMs: 60_000,
  run: (trx, ctx) => sendDueMail(trx, ctx),
});
