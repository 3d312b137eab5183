import { idParams, okResponse } from '@contracts/common.js';
import {
  createVisitPlanBody,
  updateVisitPlanBody,
  visitPlanListQuery,
  visitPlanSchema,
  visitSummaryQuery,
  visitSummaryResponse,
} from '@contracts/visit-plans.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { businessDate, daysBetween } from '../../platform/dates.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import './visit-plan-daily-section.js';
import './visit-plan-sources.js';
import './visit-plan-dashboard.js';
import { createVisitPlan, deleteVisitPlan, getVisitPlan, listVisitPlans, updateVisitPlan, visitSummary } from './visit-plan-service.js';

const tags = ['visit-plans'];

function assertRange(from: string, to: string, maxDays: number) {
  const span = daysBetween(from, to);
  if (span < 0 || span > maxDays) throw new AppError('VALIDATION', { fields: { to: { key: 'invalid_value' } } });
}

export const visitPlansRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;
  const tz = ctx.config.CRM_TIME_ZONE;
  const today = () => businessDate(clock.now(), tz);

  app.get(
    '/visit-plans',
    { schema: { tags, querystring: visitPlanListQuery, response: { 200: z.object({ items: z.array(visitPlanSchema) }) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'visit_plans', 'view');
      assertRange(request.query.from, request.query.to, 62);
      return { items: await listVisitPlans(db, actor, request.query, today()) };
    },
  );

  app.get(
    '/visit-plans/summary',
    { schema: { tags, querystring: visitSummaryQuery, response: { 200: visitSummaryResponse } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'visit_plans', 'view');
      assertRange(request.query.from, request.query.to, 366);
      return visitSummary(db, actor, request.query, tz);
    },
  );

  app.get('/visit-plans/:id', { schema: { tags, params: idParams, response: { 200: visitPlanSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'visit_plans', 'view');
    return getVisitPlan(db, actor, request.params.id, today());
  });

  app.post('/visit-plans', { schema: { tags, body: createVisitPlanBody, response: { 201: visitPlanSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'visit_plans', 'create');
    const id = await db.transaction().execute((trx) => createVisitPlan(trx, actor, request.body, tz));
    return reply.status(201).send(await getVisitPlan(db, actor, id, today()));
  });

  app.patch(
    '/visit-plans/:id',
    { schema: { tags, params: idParams, body: updateVisitPlanBody, response: { 200: visitPlanSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'visit_plans', 'edit');
      return db.transaction().execute((trx) => updateVisitPlan(trx, actor, request.params.id, request.body, today()));
    },
  );

  app.delete('/visit-plans/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'visit_plans', 'delete');
    await db.transaction().execute((trx) => deleteVisitPlan(trx, actor, request.params.id));
    return { ok: true as const };
  });
};
