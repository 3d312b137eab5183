import { idParams, listResponse, okResponse } from '@contracts/common.js';
import { createInvoiceBody, invoiceListQuery, invoiceSchema, updateInvoiceBody } from '@contracts/invoices.js';
import {
  createPaymentBody,
  overdueInstalmentSchema,
  paymentListQuery,
  paymentPlanSchema,
  paymentSchema,
  putPaymentPlanBody,
  receivableListQuery,
  rejectPaymentBody,
  splitPlanBody,
  splitPlanResponse,
  uninvoicedContractSchema,
  unpaidContractSchema,
  unpaidListQuery,
  updatePaymentBody,
} from '@contracts/receivables.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import { isApproverOfDocument } from '../../platform/approvals/public.js';
import type { AppContext } from '../../platform/app-context.js';
import { businessDate } from '../../platform/dates.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import './credit-exposure.js';
import './receivable-constraints.js';
import './invoice-entity.js';
import './payment-approval.js';
import './payment-daily-section.js';
import './payment-entity.js';
import './plan-adjust.js';
import './receivable-export.js';
import './receivable-sources.js';
import { createInvoice, deleteInvoice, getInvoice, listInvoices, updateInvoice } from './invoices.js';
import { getPaymentPlan, proposeSplit, replacePaymentPlan } from './payment-plan.js';
import {
  confirmPayment,
  createPayment,
  deletePayment,
  type Env,
  getPayment,
  listPayments,
  PAYMENT_APPROVAL,
  rejectPayment,
  submitPayment,
  updatePayment,
} from './payments.js';
import { setReceivablesTimeZone } from './receivable-env.js';
import { listOverdueInstalments, listUninvoicedContracts, listUnpaidContracts } from './receivable-lists.js';

const tags = ['receivables'];

/**
 * M1 回款: payment plans, payments received (confirmed by finance or the `payment` approval flow),
 * invoices, and the unpaid, uninvoiced and overdue lists.
 */
export const receivablesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock, config } = ctx;
  const env: Env = { clock, timeZone: config.CRM_TIME_ZONE };
  setReceivablesTimeZone(config.CRM_TIME_ZONE);
  const today = () => businessDate(clock.now(), config.CRM_TIME_ZONE);

  /** A payment routed to an approver opens for him even outside his scope, read only. */
  const readablePayment = async (actor: Actor, id: string) => {
    try {
      return await getPayment(db, actor, id);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e;
      if (!(await isApproverOfDocument(db, actor, PAYMENT_APPROVAL, id, today()))) throw e;
      return getPayment(db, { ...actor, scope: 'all' }, id);
    }
  };

  app.get('/contracts/:id/payment-plan', { schema: { tags, params: idParams, response: { 200: paymentPlanSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'view');
    return getPaymentPlan(db, actor, request.params.id);
  });

  // A rep plans his own contract's collections: writing a plan needs receivables:create.
  app.put(
    '/contracts/:id/payment-plan',
    { schema: { tags, params: idParams, body: putPaymentPlanBody, response: { 200: paymentPlanSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'create');
      return db.transaction().execute((trx) => replacePaymentPlan(trx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/contracts/:id/payment-plan/split',
    { schema: { tags, params: idParams, body: splitPlanBody, response: { 200: splitPlanResponse } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      return proposeSplit(db, actor, request.params.id, request.body);
    },
  );

  app.get(
    '/payments',
    { schema: { tags, querystring: paymentListQuery, response: { 200: listResponse(paymentSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      return listPayments(db, actor, request.query);
    },
  );

  app.get('/payments/:id', { schema: { tags, params: idParams, response: { 200: paymentSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'view');
    return readablePayment(actor, request.params.id);
  });

  app.post('/payments', { schema: { tags, body: createPaymentBody, response: { 201: paymentSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'create');
    const id = await db.transaction().execute((trx) => createPayment(trx, actor, env, request.body));
    return reply.status(201).send(await getPayment(db, actor, id));
  });

  // Who may correct which payment is decided per payment (its status, owner and the caller's role).
  app.patch(
    '/payments/:id',
    { schema: { tags, params: idParams, body: updatePaymentBody, response: { 200: paymentSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      await db.transaction().execute((trx) => updatePayment(trx, actor, request.params.id, request.body));
      return getPayment(db, actor, request.params.id);
    },
  );

  app.delete('/payments/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'view');
    await db.transaction().execute((trx) => deletePayment(trx, actor, request.params.id));
    return { ok: true as const };
  });

  app.post('/payments/:id/confirm', { schema: { tags, params: idParams, response: { 200: paymentSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'approve');
    await db.transaction().execute((trx) => confirmPayment(trx, actor, env, request.params.id));
    return getPayment(db, actor, request.params.id);
  });

  app.post(
    '/payments/:id/reject',
    { schema: { tags, params: idParams, body: rejectPaymentBody, response: { 200: paymentSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'approve');
      await db.transaction().execute((trx) => rejectPayment(trx, actor, env, request.params.id, request.body.reason));
      return getPayment(db, actor, request.params.id);
    },
  );

  // A rejected expected payment, corrected by its rep and sent to finance (or the flow) again.
  app.post(
    '/payments/:id/resubmit',
    { schema: { tags, params: idParams, body: updatePaymentBody, response: { 200: paymentSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'create');
      await db.transaction().execute((trx) => updatePayment(trx, actor, request.params.id, request.body, { env }));
      return getPayment(db, actor, request.params.id);
    },
  );

  // Into the `payment` approval flow again (after a withdrawal); 422 when no flow is configured.
  app.post('/payments/:id/submit', { schema: { tags, params: idParams, response: { 200: paymentSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'create');
    await db.transaction().execute((trx) => submitPayment(trx, actor, env, request.params.id));
    return getPayment(db, actor, request.params.id);
  });

  app.get(
    '/invoices',
    { schema: { tags, querystring: invoiceListQuery, response: { 200: listResponse(invoiceSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      return listInvoices(db, actor, request.query);
    },
  );

  app.get('/invoices/:id', { schema: { tags, params: idParams, response: { 200: invoiceSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'view');
    return getInvoice(db, actor, request.params.id);
  });

  // Recording invoices is finance's work: receivables:edit to record or correct, :delete to void.
  app.post('/invoices', { schema: { tags, body: createInvoiceBody, response: { 201: invoiceSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'edit');
    const id = await db.transaction().execute((trx) => createInvoice(trx, actor, request.body));
    return reply.status(201).send(await getInvoice(db, actor, id));
  });

  app.patch(
    '/invoices/:id',
    { schema: { tags, params: idParams, body: updateInvoiceBody, response: { 200: invoiceSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'edit');
      await db.transaction().execute((trx) => updateInvoice(trx, actor, request.params.id, request.body));
      return getInvoice(db, actor, request.params.id);
    },
  );

  app.delete('/invoices/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'receivables', 'delete');
    await db.transaction().execute((trx) => deleteInvoice(trx, actor, request.params.id));
    return { ok: true as const };
  });

  app.get(
    '/receivables/unpaid',
    { schema: { tags, querystring: unpaidListQuery, response: { 200: listResponse(unpaidContractSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      return listUnpaidContracts(db, actor, request.query);
    },
  );

  app.get(
    '/receivables/uninvoiced',
    { schema: { tags, querystring: receivableListQuery, response: { 200: listResponse(uninvoicedContractSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      return listUninvoicedContracts(db, actor, request.query);
    },
  );

  app.get(
    '/receivables/overdue',
    { schema: { tags, querystring: receivableListQuery, response: { 200: listResponse(overdueInstalmentSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'receivables', 'view');
      return listOverdueInstalments(db, actor, request.query, today());
    },
  );
};
