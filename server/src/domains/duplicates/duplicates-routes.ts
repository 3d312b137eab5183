import { duplicateCheckBody, duplicateCheckResponse } from '@contracts/leads.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import { findDuplicates } from './duplicate-check.js';

export const duplicatesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/duplicates/check',
    { schema: { tags: ['duplicates'], body: duplicateCheckBody, response: { 200: duplicateCheckResponse } } },
    async (request) => ({ matches: await findDuplicates(ctx.db, actorOf(request), request.body) }),
  );
};
