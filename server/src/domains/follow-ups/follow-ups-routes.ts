import { idParams, listResponse, okResponse } from '@contracts/common.js';
import {
  createFollowUpBody,
  dueCustomerSchema,
  dueListQuery,
  followUpListQuery,
  followUpSchema,
  updateFollowUpBody,
} from '@contracts/follow-ups.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import './follow-up-daily-section.js';
import './follow-up-sources.js';
import './key-customer-reminders.js';
import './follow-up-search.js';
import './follow-up-dashboard.js';
import { dueForFollowUp, todayIn } from './due-for-follow-up.js';
import { createFollowUp, deleteFollowUp, getFollowUp, listFollowUps, updateFollowUp } from './follow-up-service.js';

const tags = ['follow-ups'];

export const followUpsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;

  app.get(
    '/follow-ups',
    { schema: { tags, querystring: followUpListQuery, response: { 200: listResponse(followUpSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'follow_ups', 'view');
      return listFollowUps(db, actor, request.query);
    },
  );

  app.get(
    '/customers/due-for-follow-up',
    { schema: { tags: ['customers'], querystring: dueListQuery, response: { 200: listResponse(dueCustomerSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'customers', 'view');
      const timeZone = ctx.config.CRM_TIME_ZONE;
      return dueForFollowUp(db, actor, { ...request.query, today: todayIn(clock.now(), timeZone), timeZone });
    },
  );

  app.get('/follow-ups/:id', { schema: { tags, params: idParams, response: { 200: followUpSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'follow_ups', 'view');
    return getFollowUp(db, actor, request.params.id);
  });

  app.post('/follow-ups', { schema: { tags, body: createFollowUpBody, response: { 201: followUpSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'follow_ups', 'create');
    const id = await db
      .transaction()
      .execute((trx) => createFollowUp(trx, actor, { clock, timeZone: ctx.config.CRM_TIME_ZONE }, request.body));
    return reply.status(201).send(await getFollowUp(db, actor, id));
  });

  app.patch(
    '/follow-ups/:id',
    { schema: { tags, params: idParams, body: updateFollowUpBody, response: { 200: followUpSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'follow_ups', 'edit');
      return db.transaction().execute((trx) => updateFollowUp(trx, actor, request.params.id, request.body));
    },
  );

  app.delete('/follow-ups/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'follow_ups', 'delete');
    await db.transaction().execute((trx) => deleteFollowUp(trx, actor, request.params.id));
    return { ok: true as const };
  });
};
