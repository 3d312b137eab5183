import { idParams, okResponse } from '@contracts/common.js';
import {
  createDeliveryBody,
  createOrderBody,
  deliverySchema,
  dueQuery,
  dueResponse,
  orderListQuery,
  orderListResponse,
  orderSchema,
  orderVersionBody,
  updateOrderBody,
} from '@contracts/orders.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { isApproverOfDocument } from '../../platform/approvals/public.js';
import { businessDate } from '../../platform/dates.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { orderDeliveries, recordDelivery, undoDelivery } from './deliveries.js';
import { dueDeliveries } from './due-deliveries.js';
import { cancelOrder, submitOrder } from './order-lifecycle.js';
import { createOrder, deleteOrder, type Env, getOrder, listOrders, updateOrder } from './order-service.js';
import './delivery-reminders.js';
import './order-approval.js';
import './order-export.js';
import './order-exposure.js';
import './order-sources.js';

const tags = ['orders'];

export const ordersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock, config } = ctx;
  const env: Env = { clock, timeZone: config.CRM_TIME_ZONE };
  const today = () => businessDate(clock.now(), config.CRM_TIME_ZONE);

  /** An order routed to an approver opens for him even outside his scope, read only. */
  const readable = async (actor: Actor, id: string) => {
    try {
      return await getOrder(db, actor, id);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e;
      if (!(await isApproverOfDocument(db, actor, 'order', id, today()))) throw e;
      return getOrder(db, { ...actor, scope: 'all' }, id, { readOnly: true });
    }
  };

  app.get('/orders', { schema: { tags, querystring: orderListQuery, response: { 200: orderListResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'orders', 'view');
    return listOrders(db, actor, request.query);
  });

  app.get('/orders/:id', { schema: { tags, params: idParams, response: { 200: orderSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'orders', 'view');
    return readable(actor, request.params.id);
  });

  app.post('/orders', { schema: { tags, body: createOrderBody, response: { 201: orderSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'orders', 'create');
    const id = await db.transaction().execute((trx) => createOrder(trx, actor, env, request.body));
    return reply.status(201).send(await getOrder(db, actor, id));
  });

  app.patch(
    '/orders/:id',
    { schema: { tags, params: idParams, body: updateOrderBody, response: { 200: orderSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'orders', 'edit');
      return db.transaction().execute((trx) => updateOrder(trx, actor, request.params.id, request.body));
    },
  );

  app.delete('/orders/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'orders', 'delete');
    await db.transaction().execute((trx) => deleteOrder(trx, actor, request.params.id));
    return { ok: true as const };
  });

  app.post(
    '/orders/:id/submit',
    { schema: { tags, params: idParams, body: orderVersionBody, response: { 200: orderSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'orders', 'edit');
      await db.transaction().execute((trx) => submitOrder(trx, actor, env, request.params.id, request.body.version));
      return getOrder(db, actor, request.params.id);
    },
  );

  app.post(
    '/orders/:id/cancel',
    { schema: { tags, params: idParams, body: orderVersionBody, response: { 200: orderSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'orders', 'edit');
      await db.transaction().execute((trx) => cancelOrder(trx, actor, env, request.params.id, request.body.version));
      return getOrder(db, actor, request.params.id);
    },
  );

  // Seed 004 自动交货提醒: lines due today, tomorrow, within the week, or overdue — in the caller's scope.
  app.get('/deliveries/due', { schema: { tags, querystring: dueQuery, response: { 200: dueResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'orders', 'view');
    const day = today();
    const page = await dueDeliveries(db, actor, { ...request.query, today: day });
    return { today: day, ...page, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post('/deliveries', { schema: { tags, body: createDeliveryBody, response: { 201: deliverySchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'orders', 'edit');
    const id = await db.transaction().execute((trx) => recordDelivery(trx, actor, request.body));
    const delivery = (await orderDeliveries(db, request.body.orderId)).find((d) => d.id === id);
    if (!delivery) throw new AppError('NOT_FOUND');
    return reply.status(201).send(delivery);
  });

  app.delete('/deliveries/:id', { schema: { tags, params: idParams, response: { 200: orderSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'orders', 'edit');
    const orderId = await db.transaction().execute((trx) => undoDelivery(trx, actor, request.params.id));
    return getOrder(db, actor, orderId);
  });
};
