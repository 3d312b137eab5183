import { apiTokenSchema, createApiTokenBody, createdApiToken } from '@contracts/auth.js';
import { idParams, okResponse } from '@contracts/common.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { AppError } from '../http/errors.js';
import { actorOf } from '../http/request-context.js';
import { randomToken, sha256 } from './tokens.js';

const tags = ['api-tokens'];
const toApi = (r: {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}) => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  expiresAt: r.expires_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

// P6: personal tokens for integrations. The secret is shown once and stored only as a hash.
export const apiTokenRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;

  app.get('/api-tokens', { schema: { tags, response: { 200: z.object({ items: z.array(apiTokenSchema) }) } } }, async (request) => {
    const actor = actorOf(request);
    const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', actor.userId).orderBy('created_at', 'desc').execute();
    return { items: rows.map(toApi) };
  });

  app.post('/api-tokens', { schema: { tags, body: createApiTokenBody, response: { 201: createdApiToken } } }, async (request, reply) => {
    const actor = actorOf(request);
    const token = `crm_${randomToken(24)}`;
    const expires = request.body.expiresInDays ? new Date(clock.now().getTime() + request.body.expiresInDays * 86_400_000) : null;
    const row = await db
      .insertInto('api_tokens')
      .values({
        user_id: actor.userId,
        name: request.body.name,
        token_hash: sha256(token),
        prefix: token.slice(0, 10),
        expires_at: expires,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return reply.status(201).send({ ...toApi(row), token });
  });

  app.delete('/api-tokens/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    const res = await db
      .updateTable('api_tokens')
      .set({ revoked_at: clock.now() })
      .where('id', '=', request.params.id)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    return { ok: true as const };
  });
};
