import {
  approvalDocumentQuery,
  approvalList,
  approvalListQuery,
  approvalRequestSchema,
  commentBody,
  decisionBody,
  delegationCreate,
  delegationList,
  flowDefinitionSchema,
  flowList,
  flowParams,
  flowSchema,
  reassignBody,
  rejectBody,
} from '@contracts/approvals.js';
import { idParams, okResponse } from '@contracts/common.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, assertCan } from '../access/actor.js';
import type { AppContext } from '../app-context.js';
import { businessDate } from '../dates.js';
import { AppError, fieldError } from '../http/errors.js';
import { actorOf } from '../http/request-context.js';
import './approval-dashboard.js';
import { approvalType, approvalTypes } from './approval-registry.js';
import { approvalBox, assertRequestVisible, latestRequestOf, requestDetail } from './approval-queries.js';
import { delegations, revokeDelegation, startDelegation } from './delegations.js';
import { actingFor, addComment, type Decision, decide, type EngineEnv, reassign, withdraw } from './engine.js';
import { flowForDisplay, saveFlow } from './flows.js';

const tags = ['approvals'];

/** Q3: the inbox (待我审批 / 我发起的 / 我已审批), decisions, flows per document type, delegation. */
export const approvalRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock, config } = ctx;
  const env = (): EngineEnv => ({ now: clock.now(), timeZone: config.CRM_TIME_ZONE });
  const detail = (actor: Actor, id: string) => requestDetail(db, actor, id, clock.now(), config.CRM_TIME_ZONE);

  app.get('/approvals', { schema: { tags, querystring: approvalListQuery, response: { 200: approvalList } } }, async (request) =>
    approvalBox(db, actorOf(request), request.query, clock.now(), config.CRM_TIME_ZONE),
  );

  app.get(
    '/approvals/by-document',
    { schema: { tags, querystring: approvalDocumentQuery, response: { 200: z.object({ request: approvalRequestSchema.nullable() }) } } },
    async (request) => {
      const id = await latestRequestOf(db, request.query.documentType, request.query.documentId);
      return { request: id ? await detail(actorOf(request), id) : null };
    },
  );

  app.get('/approvals/:id', { schema: { tags, params: idParams, response: { 200: approvalRequestSchema } } }, async (request) =>
    detail(actorOf(request), request.params.id),
  );

  const action = <B extends z.ZodType>(
    path: string,
    body: B,
    run: (actor: Actor, id: string, b: z.infer<B>) => (trx: typeof db) => Promise<void>,
  ) =>
    app.post(
      `/approvals/:id/${path}`,
      { schema: { tags, params: idParams, body, response: { 200: approvalRequestSchema } } },
      async (request) => {
        const actor = actorOf(request);
        // The caller must see the request before he may act on it (404 otherwise, like any record).
        await detail(actor, request.params.id);
        await db.transaction().execute(run(actor, request.params.id, request.body as z.infer<B>));
        return detail(actor, request.params.id);
      },
    );

  // A decision needs no visibility read first: only an approver of the open step can decide, and an
  // approver may see the request. When the decision fails, the caller learns why only if he may see
  // it (404 otherwise, as above). On the approval path this saves a full detail read (7 statements),
  // and the answer needs neither the delegation nor the approver check again.
  const decision = <B extends z.ZodType>(path: Decision, body: B, comment: (b: z.infer<B>) => string | null) =>
    app.post(
      `/approvals/:id/${path}`,
      { schema: { tags, params: idParams, body, response: { 200: approvalRequestSchema } } },
      async (request) => {
        const actor = actorOf(request);
        const id = request.params.id;
        const at = env();
        // Whom he stands in for, read once for the decision and the answer.
        const actingAs = await actingFor(db, actor, businessDate(at.now, at.timeZone));
        try {
          await db.transaction().execute((trx) => decide(trx, actor, id, path, comment(request.body as z.infer<B>), at, actingAs));
        } catch (e) {
          if (e instanceof AppError) await assertRequestVisible(db, actor, id, at.now, at.timeZone);
          throw e;
        }
        return requestDetail(db, actor, id, at.now, at.timeZone, { actingAs, approver: true });
      },
    );

  decision('approve', decisionBody, (b) => b.comment ?? null);
  decision('reject', rejectBody, (b) => b.comment);
  action('withdraw', decisionBody, (actor, id, b) => (trx) => withdraw(trx, actor, id, b.comment ?? null, env()));
  action('comment', commentBody, (actor, id, b) => (trx) => addComment(trx, actor, id, b.comment, env()));
  action('reassign', reassignBody, (actor, id, b) => (trx) => reassign(trx, actor, id, b.taskId, b.userId, b.comment ?? null, env()));

  // ---- flows (admin) ----
  const flowOf = async (documentType: string) => {
    const type = approvalType(documentType);
    if (!type) throw new AppError('NOT_FOUND');
    const { version, definition } = await flowForDisplay(db, documentType);
    const updatedBy = version?.createdBy
      ? ((await db.selectFrom('users').select('display_name').where('id', '=', version.createdBy).executeTakeFirst())?.display_name ?? null)
      : null;
    return {
      documentType,
      labels: type.labels,
      conditionFields: Object.entries(type.conditionFields).map(([field, f]) => ({ field, kind: f.kind, labels: f.labels })),
      version: version?.version ?? null,
      definition,
      updatedAt: version?.createdAt.toISOString() ?? null,
      updatedBy,
    };
  };

  app.get('/approval-flows', { schema: { tags, response: { 200: flowList } } }, async (request) => {
    assertCan(actorOf(request), 'approval_flows', 'view');
    return { items: await Promise.all(approvalTypes().map((t) => flowOf(t.type))) };
  });

  app.get('/approval-flows/:documentType', { schema: { tags, params: flowParams, response: { 200: flowSchema } } }, async (request) => {
    assertCan(actorOf(request), 'approval_flows', 'view');
    return flowOf(request.params.documentType);
  });

  app.put(
    '/approval-flows/:documentType',
    { schema: { tags, params: flowParams, body: z.object({ definition: flowDefinitionSchema }).strict(), response: { 200: flowSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'approval_flows', 'edit');
      await db.transaction().execute((trx) => saveFlow(trx, actor, request.params.documentType, request.body.definition));
      return flowOf(request.params.documentType);
    },
  );

  // ---- delegation while away (each user his own) ----
  app.get('/approval-delegations', { schema: { tags, response: { 200: delegationList } } }, async (request) => ({
    items: await delegations(db, actorOf(request)),
  }));

  app.post('/approval-delegations', { schema: { tags, body: delegationCreate, response: { 200: delegationList } } }, async (request) => {
    const actor = actorOf(request);
    if (request.body.delegateId === actor.userId) throw fieldError('delegateId', 'invalid_value');
    if (request.body.endsOn < request.body.startsOn) throw fieldError('endsOn', 'date_range');
    await startDelegation(db, actor, request.body);
    return { items: await delegations(db, actor) };
  });

  app.delete('/approval-delegations/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    await revokeDelegation(db, actorOf(request), request.params.id, clock.now());
    return { ok: true as const };
  });
};
