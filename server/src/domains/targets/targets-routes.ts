import { idParams, okResponse } from '@contracts/common.js';
import {
  createTargetBody,
  saveCellsBody,
  splitBody,
  splitResponse,
  targetDetailSchema,
  targetListQuery,
  targetListResponse,
  updateTargetBody,
} from '@contracts/targets.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import { proposeSplit } from './target-proposal.js';
import { createTarget, deleteTarget, type Env, getTarget, listTargets, saveCells, setReopened, updateTarget } from './target-service.js';
import './target-entity.js';

const tags = ['targets'];

/** T1 销售目标: /api/v1/targets — set, split to people × months (proposals, the grid), lock / reopen. */
export const targetsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock, config } = ctx;
  const env: Env = { clock, timeZone: config.CRM_TIME_ZONE };
  const as = (request: Parameters<typeof actorOf>[0], action: 'view' | 'create' | 'edit' | 'delete'): Actor => {
    const actor = actorOf(request);
    assertCan(actor, 'targets', action);
    return actor;
  };

  app.get('/targets', { schema: { tags, querystring: targetListQuery, response: { 200: targetListResponse } } }, async (request) => ({
    items: await listTargets(db, as(request, 'view'), env, request.query),
  }));

  app.get('/targets/:id', { schema: { tags, params: idParams, response: { 200: targetDetailSchema } } }, async (request) =>
    getTarget(db, as(request, 'view'), env, request.params.id),
  );

  app.post('/targets', { schema: { tags, body: createTargetBody, response: { 201: targetDetailSchema } } }, async (request, reply) => {
    const actor = as(request, 'create');
    const id = await db.transaction().execute((trx) => createTarget(trx, actor, env, request.body));
    return reply.status(201).send(await getTarget(db, actor, env, id));
  });

  app.patch(
    '/targets/:id',
    { schema: { tags, params: idParams, body: updateTargetBody, response: { 200: targetDetailSchema } } },
    async (request) => {
      const actor = as(request, 'edit');
      await db.transaction().execute((trx) => updateTarget(trx, actor, env, request.params.id, request.body));
      return getTarget(db, actor, env, request.params.id);
    },
  );

  app.put(
    '/targets/:id/cells',
    { schema: { tags, params: idParams, body: saveCellsBody, response: { 200: targetDetailSchema } } },
    async (request) => {
      const actor = as(request, 'edit');
      await db.transaction().execute((trx) => saveCells(trx, actor, env, request.params.id, request.body));
      return getTarget(db, actor, env, request.params.id);
    },
  );

  app.post(
    '/targets/:id/split',
    { schema: { tags, params: idParams, body: splitBody, response: { 200: splitResponse } } },
    async (request) => ({ cells: await proposeSplit(db, as(request, 'edit'), env, request.params.id, request.body) }),
  );

  for (const [path, reopen] of [
    ['reopen', true],
    ['lock', false],
  ] as const) {
    app.post(`/targets/:id/${path}`, { schema: { tags, params: idParams, response: { 200: targetDetailSchema } } }, async (request) => {
      const actor = as(request, 'view');
      await db.transaction().execute((trx) => setReopened(trx, actor, env, request.params.id, reopen));
      return getTarget(db, actor, env, request.params.id);
    });
  }

  app.delete('/targets/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = as(request, 'delete');
    await db.transaction().execute((trx) => deleteTarget(trx, actor, env, request.params.id));
    return { ok: true as const };
  });
};
