import {
  amendmentParams,
  contractListQuery,
  contractRowSchema,
  contractSchema,
  contractVersionBody,
  createAmendmentBody,
  createContractBody,
  endContractBody,
  lineParams,
  progressBody,
  updateContractBody,
} from '@contracts/contracts.js';
import { idParams, listResponse, okResponse } from '@contracts/common.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { isApproverOfDocument } from '../../platform/approvals/public.js';
import { businessDate } from '../../platform/dates.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createAmendment, submitAmendment } from './contract-amendments.js';
import { recordProgress, requestEnd, submitContract } from './contract-lifecycle.js';
import { createContract, deleteContract, type Env, getContract, listContracts, updateContract } from './contract-service.js';
import './contract-approval.js';
import './contract-daily-section.js';
import './contract-export.js';
import './contract-sources.js';

const tags = ['contracts'];

export const contractsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock, config } = ctx;
  const env: Env = { clock, timeZone: config.CRM_TIME_ZONE };
  const today = () => businessDate(clock.now(), config.CRM_TIME_ZONE);

  /** A contract (or one of its amendments) routed to an approver opens for him even outside his scope, read only. */
  const readable = async (actor: Actor, id: string) => {
    try {
      return await getContract(db, actor, id);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e;
      const amendments = (await db.selectFrom('contract_amendments').select('id').where('contract_id', '=', id).execute()).map((a) => a.id);
      const routed =
        (await isApproverOfDocument(db, actor, 'contract', id, today())) ||
        (await isApproverOfDocument(db, actor, 'contract_end', id, today())) ||
        (await Promise.all(amendments.map((a) => isApproverOfDocument(db, actor, 'contract_amendment', a, today())))).some(Boolean);
      if (!routed) throw e;
      return getContract(db, { ...actor, scope: 'all' }, id, { readOnly: true });
    }
  };

  app.get(
    '/contracts',
    { schema: { tags, querystring: contractListQuery, response: { 200: listResponse(contractRowSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'contracts', 'view');
      return listContracts(db, actor, request.query);
    },
  );

  app.get('/contracts/:id', { schema: { tags, params: idParams, response: { 200: contractSchema } } }, async (request) =>
    readable(actorOf(request), request.params.id),
  );

  app.post('/contracts', { schema: { tags, body: createContractBody, response: { 201: contractSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'contracts', 'create');
    const id = await db.transaction().execute((trx) => createContract(trx, actor, env, request.body));
    return reply.status(201).send(await getContract(db, actor, id));
  });

  app.patch(
    '/contracts/:id',
    { schema: { tags, params: idParams, body: updateContractBody, response: { 200: contractSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'contracts', 'edit');
      return db.transaction().execute((trx) => updateContract(trx, actor, request.params.id, request.body));
    },
  );

  app.delete('/contracts/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'contracts', 'delete');
    await db.transaction().execute((trx) => deleteContract(trx, actor, request.params.id));
    return { ok: true as const };
  });

  app.post(
    '/contracts/:id/submit',
    { schema: { tags, params: idParams, body: contractVersionBody, response: { 200: contractSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'contracts', 'edit');
      await db.transaction().execute((trx) => submitContract(trx, actor, env, request.params.id, request.body.version));
      return getContract(db, actor, request.params.id);
    },
  );

  app.post(
    '/contracts/:id/end',
    { schema: { tags, params: idParams, body: endContractBody, response: { 200: contractSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'contracts', 'edit');
      await db.transaction().execute((trx) => requestEnd(trx, actor, env, request.params.id, request.body));
      return getContract(db, actor, request.params.id);
    },
  );

  app.post(
    '/contracts/:id/lines/:lineId/progress',
    { schema: { tags, params: lineParams, body: progressBody, response: { 200: contractSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'contracts', 'edit');
      await db.transaction().execute((trx) => recordProgress(trx, actor, env, request.params.id, request.params.lineId, request.body));
      return getContract(db, actor, request.params.id);
    },
  );

  app.post(
    '/contracts/:id/amendments',
    { schema: { tags, params: idParams, body: createAmendmentBody, response: { 201: contractSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      assertCan(actor, 'contracts', 'edit');
      await db.transaction().execute((trx) => createAmendment(trx, actor, env, request.params.id, request.body));
      return reply.status(201).send(await getContract(db, actor, request.params.id));
    },
  );

  app.post(
    '/contracts/:id/amendments/:amendmentId/submit',
    { schema: { tags, params: amendmentParams, response: { 200: contractSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'contracts', 'edit');
      await db.transaction().execute((trx) => submitAmendment(trx, actor, env, request.params.id, request.params.amendmentId));
      return getContract(db, actor, request.params.id);
    },
  );
};
