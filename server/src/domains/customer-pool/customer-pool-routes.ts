import { idParams, listResponse, okResponse } from '@contracts/common.js';
import { customerPoolRulesSchema, poolCustomerListQuery, poolCustomerSchema, releaseCustomerBody } from '@contracts/customer-pool.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan, isAdmin } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { runCustomerPoolReturn } from './auto-return-job.js';
import { claimCustomer, listPoolCustomers, releaseCustomer } from './customer-pool.js';
import { customerPoolRules, saveCustomerPoolRules } from './pool-rules.js';

const tags = ['pool'];

/** C3 the public pool (公海) for customers: list, claim, release, the admin's rules. */
export const customerPoolRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;
  const tz = ctx.config.CRM_TIME_ZONE;

  app.get(
    '/pool/customers',
    { schema: { tags, querystring: poolCustomerListQuery, response: { 200: listResponse(poolCustomerSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'customers', 'view');
      return listPoolCustomers(db, actor, clock, request.query);
    },
  );

  app.post('/pool/customers/:id/claim', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'customers', 'edit');
    await db.transaction().execute((trx) => claimCustomer(trx, actor, clock, tz, request.params.id));
    return { ok: true as const };
  });

  app.post(
    '/customers/:id/release',
    { schema: { tags, params: idParams, body: releaseCustomerBody, response: { 200: okResponse } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'customers', 'edit');
      await db.transaction().execute((trx) => releaseCustomer(trx, actor, clock.now(), request.params.id, request.body.note));
      return { ok: true as const };
    },
  );

  app.get('/pool/customer-rules', { schema: { tags, response: { 200: customerPoolRulesSchema } } }, async (request) => {
    actorOf(request);
    return customerPoolRules(db);
  });

  app.put(
    '/pool/customer-rules',
    { schema: { tags, body: customerPoolRulesSchema.strict(), response: { 200: customerPoolRulesSchema } } },
    async (request) => {
      if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
      await saveCustomerPoolRules(db, request.body);
      return request.body;
    },
  );

  // The admin may apply the rules now instead of waiting for the hourly run.
  app.post(
    '/pool/customer-rules/run',
    { schema: { tags, response: { 200: z.object({ returned: z.number().int(), warned: z.number().int() }) } } },
    async (request) => {
      if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
      return db.transaction().execute((trx) => runCustomerPoolReturn(trx, clock.now(), tz));
    },
  );
};
