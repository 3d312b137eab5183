import { searchQuery, searchResponse } from '@contracts/notes.js';
import { hasPermission } from '@contracts/permissions.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import { searchProviders } from './search-registry.js';

/** C11: one box, every kind of record the caller may see, grouped by kind. */
export const searchRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/search', { schema: { tags: ['search'], querystring: searchQuery, response: { 200: searchResponse } } }, async (request) => {
    const actor = actorOf(request);
    const { q, types, limit } = request.query;
    const chosen = searchProviders().filter(
      (p) => (!types?.length || types.includes(p.type)) && hasPermission(actor.permissions, p.module, 'view'),
    );
    const groups = [];
    for (const p of chosen) {
      // One more than asked says whether there is more.
      const hits = await p.search(ctx.db, actor, q, limit + 1);
      if (hits.length) groups.push({ type: p.type, hits: hits.slice(0, limit), more: hits.length > limit });
    }
    return { groups };
  });
};
