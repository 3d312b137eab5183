import { timelinessSettingsSchema } from '@contracts/data-timeliness.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCan, isAdmin } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { registerReports } from '../../platform/reports/report-route.js';
import { timelinessFixesRoute } from './timeliness-fixes.js';
import { timelinessRoute } from './timeliness-report.js';
import './timeliness-dashboard.js';
import { saveTimelinessSettings, timelinessSettings } from './timeliness-settings.js';

const tags = ['reports'];

/**
 * T7 数据及时性: /api/v1/reports/data-timeliness (per rep) and /fixes (the rows), scoped like every
 * report and following the opportunities' view permission; the admin sets N days in /settings.
 */
export const dataTimelinessRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;
  registerReports(app, ctx, ['opportunities', 'view'], [timelinessRoute, timelinessFixesRoute]);

  app.get(
    '/reports/data-timeliness/settings',
    { schema: { tags, summary: 'Days before an opportunity is stale and a follow-up late', response: { 200: timelinessSettingsSchema } } },
    async (request) => {
      assertCan(actorOf(request), 'opportunities', 'view');
      return timelinessSettings(db);
    },
  );

  app.put(
    '/reports/data-timeliness/settings',
    {
      schema: {
        tags,
        summary: 'Admin: change the days',
        body: timelinessSettingsSchema,
        response: { 200: timelinessSettingsSchema },
      },
    },
    async (request) => {
      if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
      return saveTimelinessSettings(db, request.body);
    },
  );
};
