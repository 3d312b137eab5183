import { idParams, listResponse } from '@contracts/common.js';
import {
  createPaymentBody,
  overdueInstalmentSchema,
  paymentListQuery,
  paymentPlanSchema,
  paymentSchema,
  putPaymentPlanBody,
  receivableListQuery,
  splitPlanBody,
  splitPlanResponse,
  unpaidContractSchema,
} from '@contracts/receivables.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { businessDate } from '../../platform/dates.js';
import { actorOf } from '../../platform/http/request-context.js';
import './credit-exposure.js';
import './payment-entity.js';
import { getPaymentPlan, proposeSplit, replacePaymentPlan } from './payment-plan.js';
import { confirmPayment, createPayment, getPayment, listPayments } from './payments.js';
import { listOverdueInstalments, listUnpaidContracts } from './receivable-lists.js';

const tags = ['receivables'];

/** M1 回款: payment plans, payments received (confirmed by finance), unpaid and overdue lists. */
export const receivablesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get('/contracts/:id/payment-plan', { schema: { tags, params: idParams, response: { 200: paymentPlanSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'view');
    return getPaymentPlan(db, actor, request.params.id);
  });

  // A rep plans his own contract's collections: writing a plan needs receivables:create.
  app.put(
    '/contracts/:id/payment-plan',
    { schema: { tags, params: idParams, body: putPaymentPlanBody, response: { 200: paymentPlanSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'create');
      return db.transaction().execute((trx) => replacePaymentPlan(trx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/contracts/:id/payment-plan/split',
    { schema: { tags, params: idParams, body: splitPlanBody, response: { 200: splitPlanResponse } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      return proposeSplit(db, actor, request.params.id, request.body);
    },
  );

  app.get(
    '/payments',
    { schema: { tags, querystring: paymentListQuery, response: { 200: listResponse(paymentSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      return listPayments(db, actor, request.query);
    },
  );

  app.get('/payments/:id', { schema: { tags, params: idParams, response: { 200: paymentSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'view');
    return getPayment(db, actor, request.params.id);
  });

  app.post('/payments', { schema: { tags, body: createPaymentBody, response: { 201: paymentSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'create');
    const id = await db.transaction().execute((trx) => createPayment(trx, actor, request.body));
    return reply.status(201).send(await getPayment(db, actor, id));
  });

  app.post('/payments/:id/confirm', { schema: { tags, params: idParams, response: { 200: paymentSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'approve');
    return db.transaction().execute((trx) => confirmPayment(trx, actor, request.params.id));
  });

  app.get(
    '/receivables/unpaid',
    { schema: { tags, querystring: receivableListQuery, response: { 200: listResponse(unpaidContractSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      return listUnpaidContracts(db, actor, request.query);
    },
  );

  app.get(
    '/receivables/overdue',
    { schema: { tags, querystring: receivableListQuery, response: { 200: listResponse(overdueInstalmentSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      const today = businessDate(ctx.clock.now(), ctx.config.CRM_TIME_ZONE);
      return listOverdueInstalments(db, actor, request.query, today);
    },
  );
};
