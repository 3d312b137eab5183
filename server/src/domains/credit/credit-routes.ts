import { idParams, listResponse } from '@contracts/common.js';
import { creditListItemSchema, creditListQuery, creditPositionSchema, putCreditLimitBody } from '@contracts/credit.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import { getCreditPosition, listCreditLimits, putCreditLimit } from './credit-limits.js';

const tags = ['credit'];

/** M3 信用额度: a customer's limit and exposure; finance sets the limit. */
export const creditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get('/customers/:id/credit', { schema: { tags, params: idParams, response: { 200: creditPositionSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'credit_limits', 'view');
    return getCreditPosition(db, actor, request.params.id, request.locale);
  });

  app.put(
    '/customers/:id/credit',
    { schema: { tags, params: idParams, body: putCreditLimitBody, response: { 200: creditPositionSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'credit_limits', 'edit');
      await db.transaction().execute((trx) => putCreditLimit(trx, actor, request.params.id, request.body));
      return getCreditPosition(db, actor, request.params.id, request.locale);
    },
  );

  app.get(
    '/credit-limits',
    { schema: { tags, querystring: creditListQuery, response: { 200: listResponse(creditListItemSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'credit_limits', 'view');
      return listCreditLimits(db, actor, request.query, request.locale);
    },
  );
};
