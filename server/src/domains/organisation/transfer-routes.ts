import { transferBody, transferResponse } from '@contracts/organisation.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { allEntities } from '../../platform/records/entity-registry.js';
import { writeHistory } from '../../platform/records/history.js';
import { transferOwnership } from '../../platform/records/record-store.js';
import { assertNotDeactivatingSelf } from './user-service.js';

// C10: a leaving rep's records move to a colleague in one transaction, each move in history.
export const transferRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/transfers', { schema: { tags: ['users'], body: transferBody, response: { 200: transferResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'users', 'edit');
    const { fromUserId, toUserId, deactivate } = request.body;
    if (fromUserId === toUserId) throw new AppError('VALIDATION', { fields: { toUserId: { key: 'invalid_value' } } });
    if (deactivate) assertNotDeactivatingSelf(actor.userId, fromUserId, request.locale);
    return ctx.db.transaction().execute(async (trx) => {
      const from = await trx.selectFrom('users').select('id').where('id', '=', fromUserId).executeTakeFirst();
      if (!from) throw new AppError('VALIDATION', { fields: { fromUserId: { key: 'reference' } } });
      const moved: Record<string, number> = {};
      for (const def of allEntities().filter((d) => d.transferable)) {
        moved[def.entity] = await transferOwnership(trx, actor, def, fromUserId, toUserId);
      }
      if (deactivate) {
        await trx.updateTable('users').set({ active: false, version: sql`version + 1` }).where('id', '=', fromUserId).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', fromUserId).execute();
        await writeHistory(trx, actor, {
          entity: 'user',
          recordId: fromUserId,
          action: 'update',
          changes: [{ field: 'active', old: true, new: false }],
        });
      }
      return { moved };
    });
  });
};
