import { okResponse } from '@contracts/common.js';
import {
  applyLearnedProbabilitiesBody,
  createForecastAdjustmentBody,
  forecastAccuracyQuery,
  forecastAccuracyResponse,
  forecastAdjustmentListQuery,
  forecastAdjustmentSchema,
  forecastQuery,
  forecastResponse,
  funnelQuery,
  funnelResponse,
  industriesQuery,
  industriesResponse,
  learnedProbabilitiesQuery,
  learnedProbabilitiesResponse,
  pipelineTotalsQuery,
  pipelineTotalsResponse,
  reportPipelinesResponse,
  reportSettingsSchema,
  snapshotListQuery,
  snapshotRunSchema,
  sourcesQuery,
  sourcesResponse,
  stageConversionQuery,
  stageConversionResponse,
} from '@contracts/pipeline-reports.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, assertCan, isAdmin } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { forecastReport } from './forecast.js';
import { forecastAccuracy } from './forecast-accuracy.js';
import { createAdjustment, listAdjustments } from './forecast-adjustments.js';
import { funnelReport } from './funnel.js';
import { industriesReport } from './industries.js';
import { applyLearnedProbabilities, learnedProbabilities } from './learned-probabilities.js';
import { listSnapshotRuns, takePipelineSnapshot } from './pipeline-snapshots.js';
import { pipelineTotals } from './pipeline-totals.js';
import { reportPipelines } from './report-pipelines.js';
import { reportSettings, saveReportSettings } from './report-settings.js';
import { sourcesReport } from './sources.js';
import { stageConversion } from './stage-conversion.js';
import './report-tables.js';

const tags = ['reports'];

/** Reports follow the opportunities module's view permission; the data scope does the rest. */
function reader(request: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(request);
  assertCan(actor, 'opportunities', 'view');
  return actor;
}
function admin(request: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(request);
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN');
  return actor;
}

/** O5–O8, T6: /api/v1/reports/* — every report scoped to the caller, amounts as exact decimal strings. */
export const pipelineReportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;
  const tz = ctx.config.CRM_TIME_ZONE;

  app.get(
    '/reports/forecast',
    {
      schema: {
        tags,
        summary:
          'Sales forecast per month: weighted (probability ≥ threshold), category totals and signed, per rep, department and company',
        querystring: forecastQuery,
        response: { 200: forecastResponse },
      },
    },
    async (request) => forecastReport(db, reader(request), request.query, clock.now(), tz),
  );

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

  app.get(
    '/reports/forecast-accuracy',
    {
      schema: {
        tags,
        summary: 'Forecast from the weekly snapshot against what was won, per rep and month',
        querystring: forecastAccuracyQuery,
        response: { 200: forecastAccuracyResponse },
      },
    },
    async (request) => forecastAccuracy(db, reader(request), request.query, clock.now(), tz),
  );

  app.get(
    '/reports/pipeline-totals',
    {
      schema: {
        tags,
        summary: 'Closed-won, closed-lost and open totals, expected revenue of the open pipeline, and the same per stage',
        querystring: pipelineTotalsQuery,
        response: { 200: pipelineTotalsResponse },
      },
    },
    async (request) => pipelineTotals(db, reader(request), request.query),
  );

  app.get(
    '/reports/funnel',
    {
      schema: {
        tags,
        summary: "Each rep's share of open opportunities per stage beside the team's, deviations flagged",
        querystring: funnelQuery,
        response: { 200: funnelResponse },
      },
    },
    async (request) => funnelReport(db, reader(request), request.query),
  );

  app.get(
    '/reports/sources',
    {
      schema: {
        tags,
        summary: 'Per source: opportunities created in the period, amount, win rate, average cycle',
        querystring: sourcesQuery,
        response: { 200: sourcesResponse },
      },
    },
    async (request) => sourcesReport(db, reader(request), request.query, clock.now(), tz),
  );

  app.get(
    '/reports/industries',
    {
      schema: {
        tags,
        summary: 'Per rep and industry: opportunities created and won in the period',
        querystring: industriesQuery,
        response: { 200: industriesResponse },
      },
    },
    async (request) => industriesReport(db, reader(request), request.query, clock.now(), tz),
  );

  app.get(
    '/reports/stage-conversion',
    {
      schema: {
        tags,
        summary: 'Stage-to-stage conversion, average days per stage and the sales cycle over a period',
        querystring: stageConversionQuery,
        response: { 200: stageConversionResponse },
      },
    },
    async (request) => stageConversion(db, reader(request), request.query, clock.now(), tz),
  );

  app.get(
    '/reports/learned-probabilities',
    {
      schema: {
        tags,
        summary: 'Per stage, the share of closed opportunities that were in it and were won, beside the configured probability',
        querystring: learnedProbabilitiesQuery,
        response: { 200: learnedProbabilitiesResponse },
      },
    },
    async (request) => learnedProbabilities(db, reader(request), request.query, clock.now(), tz),
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
