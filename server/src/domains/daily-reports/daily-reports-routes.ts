import { okResponse } from '@contracts/common.js';
import {
  dailyDayQuery,
  dailyDayResponse,
  dailyNotesBody,
  dailyReportSettingsSchema,
  teamQuery,
  teamResponse,
} from '@contracts/daily-reports.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isAdmin } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { businessDate } from '../../platform/dates.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { dailyReportSettings, saveDailyReportSettings } from './daily-report-settings.js';
import { repDay, saveNotes } from './rep-day.js';
import { teamSummary } from './team-summary.js';
import './daily-report-job.js';

const tags = ['daily-reports'];

/**
 * T3 销售日报: GET /daily-reports/day (mine, or a rep in my scope), PUT /daily-reports/day/notes
 * (my comment and plan), GET /daily-reports/team (day or week, scoped), GET/PUT /daily-reports/settings.
 * Everyone signed in has a daily report of his own; the scope decides whose else he may read.
 */
export const dailyReportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;
  const tz = ctx.config.CRM_TIME_ZONE;
  const today = () => businessDate(clock.now(), tz);

  app.get('/daily-reports/day', { schema: { tags, querystring: dailyDayQuery, response: { 200: dailyDayResponse } } }, async (request) => {
    const now = today();
    return repDay(db, actorOf(request), { day: request.query.day ?? now, userId: request.query.userId }, now, tz);
  });

  app.put('/daily-reports/day/notes', { schema: { tags, body: dailyNotesBody, response: { 200: okResponse } } }, async (request) => {
    await db.transaction().execute((trx) => saveNotes(trx, actorOf(request), request.body, today()));
    return { ok: true as const };
  });

  app.get('/daily-reports/team', { schema: { tags, querystring: teamQuery, response: { 200: teamResponse } } }, async (request) =>
    teamSummary(db, actorOf(request), request.query, today(), tz),
  );

  app.get('/daily-reports/settings', { schema: { tags, response: { 200: dailyReportSettingsSchema } } }, async () =>
    dailyReportSettings(db),
  );

  app.put(
    '/daily-reports/settings',
    { schema: { tags, body: dailyReportSettingsSchema, response: { 200: dailyReportSettingsSchema } } },
    async (request) => {
      if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
      await saveDailyReportSettings(db, request.body);
      return request.body;
    },
  );
};
