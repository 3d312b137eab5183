import { calendarEntry, calendarQuery } from '@contracts/visit-plans.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { businessDate, daysBetween } from '../../platform/dates.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { calendar } from './calendar.js';

export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/calendar',
    { schema: { tags: ['calendar'], querystring: calendarQuery, response: { 200: z.object({ items: z.array(calendarEntry) }) } } },
    async (request) => {
      const actor = actorOf(request);
      const { from, to, ownerId } = request.query;
      const span = daysBetween(from, to);
      if (span < 0 || span > 62) throw new AppError('VALIDATION', { fields: { to: { key: 'invalid_value' } } });
      const timeZone = ctx.config.CRM_TIME_ZONE;
      return { items: await calendar(ctx.db, actor, { from, to, ownerId, timeZone, today: businessDate(ctx.clock.now(), timeZone) }) };
    },
  );
};
