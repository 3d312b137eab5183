import { idParams, okResponse } from '@contracts/common.js';
import {
  createPicklistValueBody,
  picklistName,
  picklistQuery,
  picklistValueSchema,
  updatePicklistValueBody,
} from '@contracts/picklists.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { isPicklistValueUsed, toPicklistApi } from './picklist-service.js';

const tags = ['picklists'];

export const picklistsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;
  const one = async (id: string) => {
    const row = await db.selectFrom('picklist_values').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  };

  // Every signed-in user reads picklists (forms need them); only admins change them.
  app.get(
    '/picklists',
    { schema: { tags, querystring: picklistQuery, response: { 200: z.object({ items: z.array(picklistValueSchema) }) } } },
    async (request) => {
      actorOf(request);
      let q = db.selectFrom('picklist_values').selectAll().orderBy('list').orderBy('sort_order').orderBy('code');
      if (request.query.list) q = q.where('list', '=', request.query.list);
      if (request.query.includeInactive !== 'true') q = q.where('active', '=', true);
      return { items: (await q.execute()).map(toPicklistApi) };
    },
  );

  app.post(
    '/picklists/:list/values',
    { schema: { tags, params: z.object({ list: picklistName }), body: createPicklistValueBody, response: { 201: picklistValueSchema } } },
    async (request, reply) => {
      assertCan(actorOf(request), 'picklists', 'create');
      const b = request.body;
      const max = await db
        .selectFrom('picklist_values')
        .select((eb) => eb.fn.max('sort_order').as('m'))
        .where('list', '=', request.params.list)
        .executeTakeFirst();
      const row = await db
        .insertInto('picklist_values')
        .values({
          list: request.params.list,
          code: b.code,
          label_zh_cn: b.labels['zh-CN'],
          label_zh_tw: b.labels['zh-TW'],
          label_en: b.labels.en,
          sort_order: b.sortOrder ?? Number(max?.m ?? 0) + 10,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return reply.status(201).send(toPicklistApi(row));
    },
  );

  app.patch(
    '/picklists/values/:id',
    { schema: { tags, params: idParams, body: updatePicklistValueBody, response: { 200: picklistValueSchema } } },
    async (request) => {
      assertCan(actorOf(request), 'picklists', 'edit');
      const current = await one(request.params.id);
      const b = request.body;
      if (current.version !== b.version) throw new AppError('VERSION_CONFLICT', { current: toPicklistApi(current) });
      const row = await db
        .updateTable('picklist_values')
        .set({
          ...(b.labels ? { label_zh_cn: b.labels['zh-CN'], label_zh_tw: b.labels['zh-TW'], label_en: b.labels.en } : {}),
          ...(b.sortOrder !== undefined ? { sort_order: b.sortOrder } : {}),
          ...(b.active !== undefined ? { active: b.active } : {}),
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', current.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPicklistApi(row);
    },
  );

  // P5: a value that records use can only be deactivated, so old records keep their meaning.
  app.delete('/picklists/values/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    assertCan(actorOf(request), 'picklists', 'delete');
    const current = await one(request.params.id);
    if (await isPicklistValueUsed(db, current.list, current.code)) throw new AppError('IN_USE');
    await db.deleteFrom('picklist_values').where('id', '=', current.id).execute();
    return { ok: true as const };
  });
};
