import { idParams, listResponse, okResponse } from '@contracts/common.js';
import {
  createExpenseBody,
  customerExpenseSummary,
  expenseListQuery,
  expenseRowSchema,
  expenseSchema,
  expenseVersionBody,
  updateExpenseBody,
} from '@contracts/expenses.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { isApproverOfDocument } from '../../platform/approvals/public.js';
import { businessDate } from '../../platform/dates.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { registerReports } from '../../platform/reports/report-route.js';
import { submitExpense, withdrawExpense } from './expense-lifecycle.js';
import { expenseReportRoute } from './expense-report.js';
import {
  createExpense,
  customerExpenseTotals,
  deleteExpense,
  type Env,
  getExpense,
  listExpenses,
  updateExpense,
} from './expense-service.js';
import './expense-approval.js';
import './expense-export.js';
import './expense-sources.js';
import './expense-dashboard.js';

const tags = ['expenses'];

/** M4 费用: /api/v1/expenses (claims, submit / withdraw), the customer's cost, /api/v1/expense-reports/summary. */
export const expensesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock, config } = ctx;
  const env: Env = { clock, timeZone: config.CRM_TIME_ZONE };

  /** A claim routed to an approver opens for him even outside his scope, read only. */
  const readable = async (actor: Actor, id: string) => {
    try {
      return await getExpense(db, actor, id);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e;
      if (!(await isApproverOfDocument(db, actor, 'expense', id, businessDate(clock.now(), config.CRM_TIME_ZONE)))) throw e;
      return getExpense(db, { ...actor, scope: 'all' }, id, { readOnly: true });
    }
  };
  const as = (request: Parameters<typeof actorOf>[0], action: 'view' | 'create' | 'edit' | 'delete') => {
    const actor = actorOf(request);
    assertCan(actor, 'expenses', action);
    return actor;
  };

  app.get(
    '/expenses',
    { schema: { tags, querystring: expenseListQuery, response: { 200: listResponse(expenseRowSchema) } } },
    async (request) => listExpenses(db, as(request, 'view'), request.query),
  );

  app.get('/expenses/:id', { schema: { tags, params: idParams, response: { 200: expenseSchema } } }, async (request) =>
    readable(as(request, 'view'), request.params.id),
  );

  app.post('/expenses', { schema: { tags, body: createExpenseBody, response: { 201: expenseSchema } } }, async (request, reply) => {
    const actor = as(request, 'create');
    const id = await db.transaction().execute((trx) => createExpense(trx, actor, env, request.body));
    return reply.status(201).send(await getExpense(db, actor, id));
  });

  app.patch(
    '/expenses/:id',
    { schema: { tags, params: idParams, body: updateExpenseBody, response: { 200: expenseSchema } } },
    async (request) => {
      const actor = as(request, 'edit');
      return db.transaction().execute((trx) => updateExpense(trx, actor, request.params.id, request.body));
    },
  );

  app.delete('/expenses/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = as(request, 'delete');
    await db.transaction().execute((trx) => deleteExpense(trx, actor, request.params.id));
    return { ok: true as const };
  });

  for (const [path, run] of [
    ['submit', submitExpense],
    ['withdraw', withdrawExpense],
  ] as const)
    app.post(
      `/expenses/:id/${path}`,
      { schema: { tags, params: idParams, body: expenseVersionBody, response: { 200: expenseSchema } } },
      async (request) => {
        const actor = as(request, 'edit');
        await db.transaction().execute((trx) => run(trx, actor, env, request.params.id, request.body.version));
        return getExpense(db, actor, request.params.id);
      },
    );

  // Seed 000: what has been spent on this customer (approved) and what is still waiting for approval.
  app.get(
    '/customers/:id/expense-summary',
    { schema: { tags, params: idParams, response: { 200: customerExpenseSummary } } },
    async (request) => customerExpenseTotals(db, as(request, 'view'), request.params.id),
  );

  registerReports(app, ctx, ['expenses', 'view'], [expenseReportRoute]);
};
