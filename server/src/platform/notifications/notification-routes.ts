import { idParams, okResponse } from '@contracts/common.js';
import { notificationList, notificationListQuery } from '@contracts/notifications.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import { AppError } from '../http/errors.js';
import { actorOf } from '../http/request-context.js';

const tags = ['notifications'];

/** Each user reads and dismisses only their own notifications. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;

  app.get(
    '/notifications',
    { schema: { tags, querystring: notificationListQuery, response: { 200: notificationList } } },
    async (request) => {
      const actor = actorOf(request);
      let q = db.selectFrom('notifications').selectAll().where('user_id', '=', actor.userId);
      if (request.query.unread === 'true') q = q.where('read_at', 'is', null);
      const rows = await q.orderBy('created_at', 'desc').limit(request.query.limit).execute();
      const unread = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', actor.userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at?.toISOString() ?? null,
        })),
        unread: Number(unread?.n ?? 0),
      };
    },
  );

  app.post('/notifications/:id/read', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    const res = await db
      .updateTable('notifications')
      .set({ read_at: clock.now() })
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
};
