import { idParams, okResponse } from '@contracts/common.js';
import {
  type NotificationCategory,
  notificationKindParams,
  notificationList,
  notificationListQuery,
  notificationPrefBody,
  notificationPrefsResponse,
  unreadCountResponse,
} from '@contracts/notifications.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { actorOf } from '../http/request-context.js';
import './mentions.js';
import { registeredNotificationKinds } from './notification-kinds.js';

const tags = ['notifications'];

async function unreadOf(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Each user reads and dismisses only their own notifications, and sets only their own e-mail choices. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;

  app.get(
    '/notifications',
    { schema: { tags, querystring: notificationListQuery, response: { 200: notificationList } } },
    async (request) => {
      const actor = actorOf(request);
      const { unread, category, page, limit } = request.query;
      let q = db.selectFrom('notifications').where('user_id', '=', actor.userId);
      if (unread === 'true') q = q.where('read_at', 'is', null);
      if (category) q = q.where('category', '=', category);
      const rows = await q
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset((page - 1) * limit)
        .execute();
      const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          category: r.category as NotificationCategory,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at?.toISOString() ?? null,
        })),
        total: Number(total?.n ?? 0),
        unread: await unreadOf(db, actor.userId),
      };
    },
  );

  // The bell polls this: one index-only count on notifications_unread, cheap enough every 30 s.
  app.get('/notifications/unread-count', { schema: { tags, response: { 200: unreadCountResponse } } }, async (request) => ({
    unread: await unreadOf(db, actorOf(request).userId),
  }));

  app.post('/notifications/:id/read', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    const res = await db
      .updateTable('notifications')
      .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(clock.now())) }))
      .where('id', '=', request.params.id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    return { ok: true as const };
  });

  app.post('/notifications/read-all', { schema: { tags, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    await db
      .updateTable('notifications')
      .set({ read_at: clock.now() })
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .execute();
    return { ok: true as const };
  });

  app.get('/notifications/preferences', { schema: { tags, response: { 200: notificationPrefsResponse } } }, async (request) => {
    const actor = actorOf(request);
    const user = await db.selectFrom('users').select('email').where('id', '=', actor.userId).executeTakeFirst();
    const prefs = await db.selectFrom('notification_email_prefs').select(['kind', 'email']).where('user_id', '=', actor.userId).execute();
    const chosen = new Map(prefs.map((p) => [p.kind, p.email]));
    return {
      emailAddress: user?.email?.trim() ? user.email : null,
      kinds: registeredNotificationKinds().map((k) => ({
        key: k.key,
        labels: k.labels,
        category: k.category,
        urgent: k.urgent,
        emailDefault: k.emailDefault,
        email: chosen.get(k.key) ?? k.emailDefault,
      })),
    };
  });

  app.put(
    '/notifications/preferences/:kind',
    { schema: { tags, params: notificationKindParams, body: notificationPrefBody, response: { 200: okResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const { kind } = request.params;
      if (!registeredNotificationKinds().some((k) => k.key === kind)) throw new AppError('NOT_FOUND');
      await db
        .insertInto('notification_email_prefs')
        .values({ user_id: actor.userId, kind, email: request.body.email })
        .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ email: request.body.email, updated_at: clock.now() }))
        .execute();
      return { ok: true as const };
    },
  );
};
