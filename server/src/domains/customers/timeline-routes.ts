import { idParams } from '@contracts/common.js';
import { timelineItemSchema, timelineQuery } from '@contracts/follow-ups.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import { findVisible } from '../../platform/records/record-store.js';
import { customerEntity } from './customer-entity.js';
import { customerTimeline, timelineTypes } from './timeline.js';

export const customerTimelineRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/customers/:id/timeline',
    {
      schema: {
        tags: ['customers'],
        params: idParams,
        querystring: timelineQuery,
        response: { 200: z.object({ items: z.array(timelineItemSchema), types: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'customers', 'view');
      await findVisible(ctx.db, actor, customerEntity, request.params.id);
      const { types, before, beforeKey, limit } = request.query;
      const items = await customerTimeline(ctx.db, actor, request.params.id, {
        types,
        before: before ? new Date(before) : undefined,
        beforeKey,
        limit,
      });
      return { items, types: timelineTypes() };
    },
  );
};
