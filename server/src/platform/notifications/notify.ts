import type { Db } from '../db/database.js';
import { notificationKind } from './notification-kinds.js';
import { mailNotifications } from './notification-mail.js';

export interface NewNotification {
  userId: string;
  /** A registered kind (registerNotificationKind): it decides the category and the e-mail. */
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  /** A notification with the same key for the same user is not sent twice. */
  dedupeKey?: string;
}

/**
 * Sends in-app notifications in the caller's transaction, and queues their e-mail (urgent kinds at
 * once, the others in the hour's digest) for users who want the kind by mail; returns how many were new.
 */
export async function notify(trx: Db, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const res = await trx
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        category: notificationKind(n.kind).category,
        title: n.title,
        body: n.body ?? null,
        link: n.link ?? null,
        dedupe_key: n.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning(['id', 'user_id', 'kind', 'created_at'])
    .execute();
  await mailNotifications(trx, res);
  return res.length;
}
