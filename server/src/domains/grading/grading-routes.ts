import { idParams } from '@contracts/common.js';
import { gradingRulesSchema, gradingRunResponse } from '@contracts/grading.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, assertCan, isAdmin } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { writeHistory } from '../../platform/records/history.js';
import { registerJob } from '../../platform/jobs/scheduler.js';
import { findVisible } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { evaluateGrades } from './evaluate-grades.js';
import { gradingRules, saveGradingRules } from './grading-rules.js';

const tags = ['grading'];

// Nightly re-grading (one server runs it: advisory lock); does nothing while the rules are off.
registerJob({
  name: 'customer-grading',
  everyMs: 24 * 60 * 60_000,
  run: (trx, ctx) => evaluateGrades(trx, SYSTEM_ACTOR, ctx.clock.now()),
});

/** C7 grading rules (admin), a re-evaluation on demand, and handing a manual grade back to the rules. */
export const gradingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;

  app.get('/grading-rules', { schema: { tags, response: { 200: gradingRulesSchema } } }, async (request) => {
    actorOf(request);
    return gradingRules(db);
  });

  app.put('/grading-rules', { schema: { tags, body: gradingRulesSchema, response: { 200: gradingRulesSchema } } }, async (request) => {
    if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
    await saveGradingRules(db, request.body);
    return request.body;
  });

  app.post('/grading-rules/evaluate', { schema: { tags, response: { 200: gradingRunResponse } } }, async (request) => {
    const actor = actorOf(request);
    if (!isAdmin(actor)) throw new AppError('FORBIDDEN');
    return db.transaction().execute((trx) => evaluateGrades(trx, actor, clock.now(), { force: true }));
  });

  app.post('/customers/:id/grade/auto', { schema: { tags, params: idParams, response: { 200: gradingRunResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'customers', 'edit');
    return db.transaction().execute(async (trx) => {
      const c = await findVisible(trx, actor, customerEntity, request.params.id, { forUpdate: true });
      if (c.grade_source === 'manual') {
        await trx
          .updateTable('customers')
          .set({ grade_source: 'auto', version: sql`version + 1`, updated_at: clock.now(), updated_by: actor.userId })
          .where('id', '=', request.params.id)
          .execute();
        await writeHistory(trx, actor, {
          entity: 'customer',
          recordId: request.params.id,
          action: 'update',
          changes: [{ field: 'grade_source', old: 'manual', new: 'auto' }],
        });
      }
      return evaluateGrades(trx, actor, clock.now(), { customerIds: [request.params.id], force: true });
    });
  });
};
