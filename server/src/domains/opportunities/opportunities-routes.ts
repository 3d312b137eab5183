import { historyEntrySchema, idParams, listResponse, okResponse } from '@contracts/common.js';
import {
  boardQuery,
  boardResponse,
  createOpportunityBody,
  moveStageBody,
  opportunityListQuery,
  opportunitySchema,
  opportunitySettingsSchema,
  pipelineBody,
  pipelineSchema,
  stageHistorySchema,
  updateOpportunityBody,
  updatePipelineBody,
} from '@contracts/opportunities.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan, isAdmin } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { historyEntries } from '../../platform/records/history.js';
import { loadBoard } from './board.js';
import {
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  listOpportunities,
  moveStage,
  stageHistory,
  updateOpportunity,
} from './opportunity-service.js';
import { opportunitySettings, saveOpportunitySettings } from './opportunity-settings.js';
import { createPipeline, getPipeline, listPipelines, updatePipeline } from './pipeline-service.js';
import './opportunity-daily-sections.js';
import './opportunity-export.js';
import './opportunity-sources.js';
import './opportunity-search.js';
import './opportunity-dashboard.js';

const tags = ['opportunities'];

/** O1–O4: pipelines (admin), opportunities, stage moves with their history, the kanban board. */
export const opportunitiesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;
  const admin = (request: Parameters<typeof actorOf>[0]) => {
    if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
  };

  app.get(
    '/pipelines',
    {
      schema: {
        tags: ['pipelines'],
        querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(pipelineSchema) }) },
      },
    },
    async (request) => {
      actorOf(request);
      return { items: await listPipelines(db, { includeInactive: request.query.includeInactive === 'true' }) };
    },
  );

  app.get('/pipelines/:id', { schema: { tags: ['pipelines'], params: idParams, response: { 200: pipelineSchema } } }, async (request) => {
    actorOf(request);
    return getPipeline(db, request.params.id);
  });

  app.post(
    '/pipelines',
    { schema: { tags: ['pipelines'], body: pipelineBody, response: { 201: pipelineSchema } } },
    async (request, reply) => {
      admin(request);
      const id = await db.transaction().execute((trx) => createPipeline(trx, request.body));
      return reply.status(201).send(await getPipeline(db, id));
    },
  );

  app.put(
    '/pipelines/:id',
    { schema: { tags: ['pipelines'], params: idParams, body: updatePipelineBody, response: { 200: pipelineSchema } } },
    async (request) => {
      admin(request);
      await db.transaction().execute((trx) => updatePipeline(trx, request.params.id, request.body));
      return getPipeline(db, request.params.id);
    },
  );

  app.get('/opportunity-settings', { schema: { tags: ['pipelines'], response: { 200: opportunitySettingsSchema } } }, async (request) => {
    actorOf(request);
    return opportunitySettings(db);
  });

  app.put(
    '/opportunity-settings',
    { schema: { tags: ['pipelines'], body: opportunitySettingsSchema, response: { 200: opportunitySettingsSchema } } },
    async (request) => {
      admin(request);
      await saveOpportunitySettings(db, request.body);
      return request.body;
    },
  );

  app.get(
    '/opportunities',
    { schema: { tags, querystring: opportunityListQuery, response: { 200: listResponse(opportunitySchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'opportunities', 'view');
      return listOpportunities(db, actor, clock, request.query);
    },
  );

  app.get('/opportunities/board', { schema: { tags, querystring: boardQuery, response: { 200: boardResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'opportunities', 'view');
    return loadBoard(db, actor, clock, request.query);
  });

  app.get('/opportunities/:id', { schema: { tags, params: idParams, response: { 200: opportunitySchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'opportunities', 'view');
    return getOpportunity(db, actor, clock, request.params.id);
  });

  app.post(
    '/opportunities',
    { schema: { tags, body: createOpportunityBody, response: { 201: opportunitySchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      assertCan(actor, 'opportunities', 'create');
      const id = await db.transaction().execute((trx) => createOpportunity(trx, actor, clock, request.body));
      return reply.status(201).send(await getOpportunity(db, actor, clock, id));
    },
  );

  app.patch(
    '/opportunities/:id',
    { schema: { tags, params: idParams, body: updateOpportunityBody, response: { 200: opportunitySchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'opportunities', 'edit');
      await db.transaction().execute((trx) => updateOpportunity(trx, actor, clock, request.params.id, request.body));
      return getOpportunity(db, actor, clock, request.params.id);
    },
  );

  app.post(
    '/opportunities/:id/stage',
    { schema: { tags, params: idParams, body: moveStageBody, response: { 200: opportunitySchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'opportunities', 'edit');
      await db.transaction().execute((trx) => moveStage(trx, actor, clock, request.params.id, request.body));
      return getOpportunity(db, actor, clock, request.params.id);
    },
  );

  // The field history (as every record has) with the stage history beside it.
  app.get(
    '/opportunities/:id/history',
    {
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(historyEntrySchema), stages: stageHistorySchema.shape.items }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'opportunities', 'view');
      const stages = await stageHistory(db, actor, clock, request.params.id);
      return { items: await historyEntries(db, 'opportunity', request.params.id), stages };
    },
  );

  app.delete('/opportunities/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'opportunities', 'delete');
    await db.transaction().execute((trx) => deleteOpportunity(trx, actor, request.params.id));
    return { ok: true as const };
  });
};
