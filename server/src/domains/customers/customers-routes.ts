import { idParams, listResponse, okResponse } from '@contracts/common.js';
import { createCustomerBody, customerListQuery, customerSchema, updateCustomerBody } from '@contracts/customers.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer } from './customer-service.js';
import './customer-daily-section.js';
import './customer-export.js';
import './customer-import.js';
import './customer-search.js';
import './approval-timeline.js';

const tags = ['customers'];

export const customersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get(
    '/customers',
    { schema: { tags, querystring: customerListQuery, response: { 200: listResponse(customerSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'customers', 'view');
      return listCustomers(db, actor, request.query);
    },
  );

  app.get('/customers/:id', { schema: { tags, params: idParams, response: { 200: customerSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'customers', 'view');
    return getCustomer(db, actor, request.params.id);
  });

  app.post('/customers', { schema: { tags, body: createCustomerBody, response: { 201: customerSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'customers', 'create');
    const id = await db.transaction().execute((trx) => createCustomer(trx, actor, request.body));
    return reply.status(201).send(await getCustomer(db, actor, id));
  });

  app.patch(
    '/customers/:id',
    { schema: { tags, params: idParams, body: updateCustomerBody, response: { 200: customerSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'customers', 'edit');
      return db.transaction().execute((trx) => updateCustomer(trx, actor, request.params.id, request.body));
    },
  );

  app.delete('/customers/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'customers', 'delete');
    await db.transaction().execute((trx) => deleteCustomer(trx, actor, request.params.id));
    return { ok: true as const };
  });
};
