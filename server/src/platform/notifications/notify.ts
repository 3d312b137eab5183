import type { Db } from '../db/database.js';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  /** A notification with the same key for the same user is not sent twice. */
  dedupeKey?: string;
}

/** Sends in-app notifications in the caller's transaction; returns how many were new. */
export async function notify(trx: Db, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const res = await trx
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        link: n.link ?? null,
        dedupe_key: n.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .execute();
  return res.length;
}
