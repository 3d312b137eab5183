import { duplicateCheckBody, duplicateCheckResponse } from '@contracts/leads.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { can } from '../../platform/access/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { findDuplicates } from './duplicate-check.js';

export const duplicatesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/duplicates/check',
    { schema: { tags: ['duplicates'], body: duplicateCheckBody, response: { 200: duplicateCheckResponse } } },
    async (request) => {
      const actor = actorOf(request);
      // The check tells that a name exists even outside the caller's scope; only those who enter
      // customers, contacts or leads need that (the route matrix found it open to everyone).
      const enters = (['customers', 'contacts', 'leads'] as const).some((m) => can(actor, m, 'create') || can(actor, m, 'edit'));
      if (!enters) throw new AppError('FORBIDDEN');
      return { matches: await findDuplicates(ctx.db, actor, request.body) };
    },
  );
};
