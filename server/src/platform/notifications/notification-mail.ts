import type { Locale } from '@contracts/common.js';
import { LOCALES } from '@contracts/common.js';
import type { Db } from '../db/database.js';
import { format } from '../i18n/messages.js';
import { escapeHtml, mailLayout } from '../mail/mail-html.js';
import { queueMail } from '../mail/outbox.js';
import { notificationKind } from './notification-kinds.js';

const HOUR = 3600_000;

/** Set once at start-up from the config; the same on every server, so no state to share. */
const settings = { timeZone: 'Asia/Shanghai', publicUrl: undefined as string | undefined };
export function configureNotificationMail(opts: { timeZone: string; publicUrl?: string }): void {
  settings.timeZone = opts.timeZone;
  settings.publicUrl = opts.publicUrl?.replace(/\/+$/, '');
}

const TEXT: Record<Locale, { digest: string; open: string; footer: string; more: string }> = {
  'zh-CN': {
    digest: '{label}：{count} 条新消息',
    open: '查看',
    footer: '这封邮件由销售CRM自动发送。不想再收到这类邮件，可以在「个人设置 → 消息通知」里关掉。',
    more: '登录 CRM 后在「消息中心」查看全部消息。',
  },
  'zh-TW': {
    digest: '{label}：{count} 則新訊息',
    open: '查看',
    footer: '這封郵件由銷售CRM自動發送。不想再收到這類郵件，可以在「個人設定 → 訊息通知」裡關掉。',
    more: '登入 CRM 後在「訊息中心」查看全部訊息。',
  },
  en: {
    digest: '{label}: {count} new',
    open: 'Open',
    footer: 'Sent automatically by the CRM. Turn these mails off under Profile → Notifications.',
    more: 'Sign in to the CRM and open the notification centre to see everything.',
  },
};

interface Inserted {
  id: string;
  user_id: string;
  kind: string;
  created_at: Date;
}

/**
 * Queues the e-mail of freshly inserted notifications. An urgent kind gets one mail per
 * notification at once. Any other kind goes into the digest of its user, kind and clock hour
 * (mail key user+kind+hour, sent after the hour ends), so a user gets at most one mail per kind
 * per hour. The digest's content is rebuilt here, under the outbox row's lock, from every
 * notification carrying its key: a second writer waits for the lock and then sees the first one's
 * rows, and a digest the sender already took sends nothing more, the newcomer moves to the next hour.
 */
/** Active users with an address and their own e-mail choices: who may be mailed at all, and what they chose. */
async function mailableUsers(trx: Db, userIds: string[]) {
  if (userIds.length === 0) return { users: [], chosen: new Map<string, boolean>() };
  const users = await trx
    .selectFrom('users')
    .select(['id', 'email', 'locale'])
    .where('id', 'in', userIds)
    .where('active', '=', true)
    .where('email', 'is not', null)
    .where('email', '<>', '')
    .execute();
  if (users.length === 0) return { users, chosen: new Map<string, boolean>() };
  const prefs = await trx
    .selectFrom('notification_email_prefs')
    .select(['user_id', 'kind', 'email'])
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .execute();
  return { users, chosen: new Map(prefs.map((p) => [`${p.user_id}|${p.kind}`, p.email])) };
}

/** For a kind whose sender mails its own message: the users who want it by e-mail (their choice, else the kind's default). */
export async function emailWanted(trx: Db, userIds: string[], kind: string): Promise<Set<string>> {
  const { users, chosen } = await mailableUsers(trx, userIds);
  const fallback = notificationKind(kind).emailDefault;
  return new Set(users.filter((u) => chosen.get(`${u.id}|${kind}`) ?? fallback).map((u) => u.id));
}

export async function mailNotifications(trx: Db, rows: Inserted[]): Promise<void> {
  const mailed = rows.filter((r) => !notificationKind(r.kind).mailedBySender);
  if (mailed.length === 0) return;
  const { users, chosen } = await mailableUsers(trx, [...new Set(mailed.map((r) => r.user_id))]);
  if (users.length === 0) return;
  const groups = new Map<string, Inserted[]>();
  for (const r of mailed) {
    const key = `${r.user_id}|${r.kind}`;
    if (!(chosen.get(key) ?? notificationKind(r.kind).emailDefault)) continue;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  // Always in the same order, so two writers notifying the same people cannot deadlock on the outbox rows.
  for (const [, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const first = group[0] as Inserted;
    const user = users.find((u) => u.id === first.user_id);
    if (!user?.email) continue;
    const recipient = {
      id: user.id,
      email: user.email,
      locale: (LOCALES as readonly string[]).includes(user.locale) ? (user.locale as Locale) : 'zh-CN',
    };
    if (notificationKind(first.kind).urgent) {
      for (const n of group) await queueAndFill(trx, recipient, first.kind, [n.id], `notification:${n.id}`, undefined);
    } else {
      let hour = Math.floor(first.created_at.getTime() / HOUR) * HOUR;
      // The hour's digest may already be on its way (a long transaction): then the next hour's.
      for (;;) {
        const key = `notification-digest:${recipient.id}:${first.kind}:${new Date(hour).toISOString()}`;
        const ok = await queueAndFill(
          trx,
          recipient,
          first.kind,
          group.map((n) => n.id),
          key,
          new Date(hour + HOUR),
        );
        if (ok) break;
        hour += HOUR;
      }
    }
  }
}

interface Recipient {
  id: string;
  email: string;
  locale: Locale;
}

/** Queues (or joins) the mail under `key`, tags the notifications with it and rewrites its content; false if it was already sent. */
async function queueAndFill(
  trx: Db,
  to: Recipient,
  kind: string,
  ids: string[],
  key: string,
  sendAfter: Date | undefined,
): Promise<boolean> {
  await queueMail(trx, [
    { kind: `notification:${kind}`, to: to.email, toUserId: to.id, subject: '…', html: '', text: '', dedupeKey: key, sendAfter },
  ]);
  const row = await trx.selectFrom('mail_outbox').select(['id', 'sent_at']).where('dedupe_key', '=', key).forUpdate().executeTakeFirst();
  if (!row || row.sent_at) return false;
  await trx.updateTable('notifications').set({ mail_key: key }).where('id', 'in', ids).execute();
  const listed = await trx
    .selectFrom('notifications')
    .select(['title', 'body', 'link', 'created_at'])
    .where('mail_key', '=', key)
    .where('user_id', '=', to.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const content = renderMail(to.locale, kind, listed);
  await trx
    .updateTable('mail_outbox')
    .set({ ...content, to_address: to.email })
    .where('id', '=', row.id)
    .execute();
  return true;
}

interface Listed {
  title: string;
  body: string | null;
  link: string | null;
  created_at: Date;
}

/** The mail in the recipient's language: one notification's title, or the digest's count, then every item. */
export function renderMail(locale: Locale, kind: string, items: Listed[]): { subject: string; html: string; text: string } {
  const t = TEXT[locale];
  const label = notificationKind(kind).labels[locale];
  const subject = items.length === 1 ? (items[0] as Listed).title : format(t.digest, { label, count: items.length });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: settings.timeZone,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const url = (link: string | null) => (link && settings.publicUrl && link.startsWith('/') ? settings.publicUrl + link : null);
  const li = items.map((n) => {
    const href = url(n.link);
    const title = href ? `<a href="${escapeHtml(href)}" style="color:#1677ff">${escapeHtml(n.title)}</a>` : escapeHtml(n.title);
    const body = n.body ? `<div style="color:#595959;white-space:pre-line">${escapeHtml(n.body)}</div>` : '';
    return `<li style="margin:0 0 12px"><div style="color:#8c8c8c;font-size:12px">${escapeHtml(time.format(n.created_at))}</div>${title}${body}</li>`;
  });
  const html = mailLayout({
    lang: locale,
    title: subject,
    body: `<ul style="padding-left:18px;margin:0">${li.join('')}</ul><p style="color:#595959">${escapeHtml(t.more)}</p>`,
    footer: t.footer,
  });
  const text = [
    subject,
    '',
    ...items.map((n) => {
      const href = url(n.link);
      return `· ${time.format(n.created_at)} ${n.title}${n.body ? `\n  ${n.body.replace(/\n/g, '\n  ')}` : ''}${href ? `\n  ${href}` : ''}`;
    }),
    '',
    t.more,
    '',
    t.footer,
  ].join('\n');
  return { subject, html, text };
}
