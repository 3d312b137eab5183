import { okResponse } from '@contracts/common.js';
import {
  applyLearnedProbabilitiesBody,
  createForecastAdjustmentBody,
  forecastAdjustmentListQuery,
  forecastAdjustmentSchema,
  learnedProbabilitiesResponse,
  reportPipelinesResponse,
  reportSettingsSchema,
  snapshotListQuery,
  snapshotRunSchema,
} from '@contracts/pipeline-reports.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, assertCan, isAdmin } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { registerReports } from '../../platform/reports/report-route.js';
import { forecastRoute } from './forecast.js';
import { forecastAccuracyRoute } from './forecast-accuracy.js';
import { funnelRoute } from './funnel.js';
import { industriesRoute } from './industries.js';
import { createAdjustment, listAdjustments } from './forecast-adjustments.js';
import { applyLearnedProbabilities, learnedProbabilitiesRoute } from './learned-probabilities.js';
import { leaderboardRoute } from './leaderboard.js';
import { listSnapshotRuns, takePipelineSnapshot } from './pipeline-snapshots.js';
import { pipelineTotalsRoute } from './pipeline-totals.js';
import { reportPipelines } from './report-pipelines.js';
import { reportSettings, saveReportSettings } from './report-settings.js';
import './report-tables.js';
import './dashboard-cards.js';
import { sourcesRoute } from './sources.js';
import { stageConversionRoute } from './stage-conversion.js';

const tags = ['reports'];

/** Reports follow the opportunities module's view permission; the data scope does the rest. */
const permission = ['opportunities', 'view'] as const;

/** O5–O8, T6: each report as JSON, and as CSV / XLSX with ?format= (each defined beside its query). */
const reports = [
  forecastRoute,
  forecastAccuracyRoute,
  pipelineTotalsRoute,
  funnelRoute,
  sourcesRoute,
  industriesRoute,
  stageConversionRoute,
  learnedProbabilitiesRoute,
  leaderboardRoute,
];

/** The endpoints around the reports follow the reports' permission. */
function reader(request: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(request);
  assertCan(actor, ...permission);
  return actor;
}
function admin(request: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(request);
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN');
  return actor;
}

/** O5–O8, T6: /api/v1/reports/* — every report scoped to the caller, amounts as exact decimal strings; adjustments, settings, snapshots. */
export const pipelineReportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;
  const tz = ctx.config.CRM_TIME_ZONE;
  registerReports(app, ctx, permission, reports);

  app.get(
    '/reports/forecast/adjustments',
    {
      schema: {
        tags,
        summary: "History of a department's adjusted forecast",
        querystring: forecastAdjustmentListQuery,
        response: {
          200: z.object({
            items: z.array(forecastAdjustmentSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) => listAdjustments(db, reader(request), request.query),
  );

  app.post(
    '/reports/forecast/adjustments',
    {
      schema: {
        tags,
        summary: "A manager's own number for his team's month, with a note (the opportunities are not changed)",
        body: createForecastAdjustmentBody,
        response: { 201: forecastAdjustmentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createAdjustment(db, reader(request), request.body)),
  );

  app.post(
    '/reports/learned-probabilities/apply',
    {
      schema: {
        tags,
        summary: 'Admin: make the learned probabilities the stage defaults (within each stage’s range)',
        body: applyLearnedProbabilitiesBody,
        response: { 200: learnedProbabilitiesResponse },
      },
    },
    async (request) => {
      const actor = admin(request);
      return db.transaction().execute((trx) => applyLearnedProbabilities(trx, actor, request.body, clock.now(), tz));
    },
  );

  app.get(
    '/reports/pipelines',
    { schema: { tags, summary: 'Active pipelines and stages, for the report filters', response: { 200: reportPipelinesResponse } } },
    async (request) => {
      reader(request);
      return { items: await reportPipelines(db) };
    },
  );

  app.get(
    '/reports/settings',
    { schema: { tags, summary: 'Forecast threshold, deviation points, industry source', response: { 200: reportSettingsSchema } } },
    async (request) => {
      reader(request);
      return reportSettings(db);
    },
  );

  app.put(
    '/reports/settings',
    { schema: { tags, summary: 'Admin: change the report settings', body: reportSettingsSchema, response: { 200: reportSettingsSchema } } },
    async (request) => {
      admin(request);
      return saveReportSettings(db, request.body);
    },
  );

  app.get(
    '/reports/snapshots',
    {
      schema: {
        tags,
        summary: 'Weekly pipeline snapshots taken so far',
        querystring: snapshotListQuery,
        response: {
          200: z.object({ items: z.array(snapshotRunSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
        },
      },
    },
    async (request) => {
      reader(request);
      return listSnapshotRuns(db, request.query);
    },
  );

  app.post(
    '/reports/snapshots',
    { schema: { tags, summary: "Admin: take this week's snapshot now if it is not taken yet", response: { 200: okResponse } } },
    async (request) => {
      admin(request);
      await db.transaction().execute((trx) => takePipelineSnapshot(trx, clock.now(), tz));
      return { ok: true as const };
    },
  );
};
