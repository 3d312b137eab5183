import { idParams, listResponse, okResponse } from '@contracts/common.js';
import {
  acceptQuoteBody,
  createQuoteBody,
  customerRejectBody,
  quoteListQuery,
  quoteRowSchema,
  quoteSchema,
  quoteSettingsSchema,
  quoteSettingsUpdate,
  quoteVersionBody,
  updateQuoteBody,
} from '@contracts/quotes.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { isApproverOfDocument } from '../../platform/approvals/public.js';
import { businessDate } from '../../platform/dates.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { contentDisposition } from '../../platform/files/file-names.js';
import { acceptQuote, rejectByCustomer, reviseQuote, sendQuote, submitQuote } from './quote-lifecycle.js';
import { renderQuotePdf } from './quote-pdf.js';
import { quoteSettings, saveQuoteSettings } from './quote-settings.js';
import { createQuote, deleteQuote, type Env, getQuote, listQuotes, updateQuote } from './quote-service.js';
import './quote-approval.js';
import './quote-daily-section.js';
import './quote-export.js';
import './quote-expiry.js';

const tags = ['quotes'];

export const quotesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock, config } = ctx;
  const env: Env = { clock, timeZone: config.CRM_TIME_ZONE };

  /** A quote routed to an approver opens for him even outside his scope (read only). */
  const readable = async (actor: Actor, id: string) => {
    try {
      return await getQuote(db, actor, id);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e;
      if (!(await isApproverOfDocument(db, actor, 'quote', id, businessDate(clock.now(), config.CRM_TIME_ZONE)))) throw e;
      // Read as if his scope were everything, keeping his own permissions (no costs unless he may see them).
      const q = await getQuote(db, { ...actor, scope: 'all' }, id);
      return { ...q, can: { edit: false, submit: false, send: false, accept: false, reject: false, revise: false, delete: false } };
    }
  };

  app.get(
    '/quotes',
    { schema: { tags, querystring: quoteListQuery, response: { 200: listResponse(quoteRowSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'quotes', 'view');
      return listQuotes(db, actor, request.query);
    },
  );

  app.get('/quotes/:id', { schema: { tags, params: idParams, response: { 200: quoteSchema } } }, async (request) =>
    readable(actorOf(request), request.params.id),
  );

  // Same visibility as the quote itself (scope, or the approver it was routed to); never cost or margin.
  app.get(
    '/quotes/:id/pdf',
    { schema: { tags, params: idParams, querystring: z.object({ inline: z.enum(['true', 'false']).optional() }) } },
    async (request, reply) => {
      const q = await readable(actorOf(request), request.params.id);
      const date = businessDate(new Date(q.sentAt ?? q.createdAt), config.CRM_TIME_ZONE);
      const pdf = await renderQuotePdf(q, { date });
      // inline: opened in a browser tab to print; otherwise saved under the quote's number and version.
      const disposition = contentDisposition(`报价单-${q.number}-v${q.revision}.pdf`);
      return reply
        .type('application/pdf')
        .header('content-disposition', request.query.inline === 'true' ? disposition.replace(/^attachment/, 'inline') : disposition)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post('/quotes', { schema: { tags, body: createQuoteBody, response: { 201: quoteSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'quotes', 'create');
    const id = await db.transaction().execute((trx) => createQuote(trx, actor, env, request.body));
    return reply.status(201).send(await getQuote(db, actor, id));
  });

  app.patch(
    '/quotes/:id',
    { schema: { tags, params: idParams, body: updateQuoteBody, response: { 200: quoteSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'quotes', 'edit');
      return db.transaction().execute((trx) => updateQuote(trx, actor, request.params.id, request.body));
    },
  );

  app.delete('/quotes/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'quotes', 'delete');
    await db.transaction().execute((trx) => deleteQuote(trx, actor, request.params.id));
    return { ok: true as const };
  });

  const step = (
    path: string,
    body: typeof quoteVersionBody,
    run: (trx: typeof db, actor: Actor, id: string, version: number) => Promise<unknown>,
  ) =>
    app.post(`/quotes/:id/${path}`, { schema: { tags, params: idParams, body, response: { 200: quoteSchema } } }, async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'quotes', 'edit');
      await db.transaction().execute((trx) => run(trx, actor, request.params.id, request.body.version));
      return getQuote(db, actor, request.params.id);
    });
  step('submit', quoteVersionBody, (trx, actor, id, version) => submitQuote(trx, actor, env, id, version));
  step('send', quoteVersionBody, (trx, actor, id, version) => sendQuote(trx, actor, env, id, version));

  app.post(
    '/quotes/:id/accept',
    { schema: { tags, params: idParams, body: acceptQuoteBody, response: { 200: quoteSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'quotes', 'edit');
      await db.transaction().execute((trx) => acceptQuote(trx, actor, env, request.params.id, request.body));
      return getQuote(db, actor, request.params.id);
    },
  );

  app.post(
    '/quotes/:id/customer-reject',
    { schema: { tags, params: idParams, body: customerRejectBody, response: { 200: quoteSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'quotes', 'edit');
      await db
        .transaction()
        .execute((trx) => rejectByCustomer(trx, actor, env, request.params.id, request.body.version, request.body.reason));
      return getQuote(db, actor, request.params.id);
    },
  );

  app.post(
    '/quotes/:id/revise',
    { schema: { tags, params: idParams, body: quoteVersionBody, response: { 201: quoteSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      assertCan(actor, 'quotes', 'create');
      const id = await db.transaction().execute((trx) => reviseQuote(trx, actor, env, request.params.id, request.body.version));
      return reply.status(201).send(await getQuote(db, actor, id));
    },
  );

  app.get('/quote-settings', { schema: { tags, response: { 200: quoteSettingsSchema } } }, async (request) => {
    assertCan(actorOf(request), 'quotes', 'view');
    return quoteSettings(db);
  });

  app.put('/quote-settings', { schema: { tags, body: quoteSettingsUpdate, response: { 200: quoteSettingsSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'approval_flows', 'edit');
    await db.transaction().execute((trx) => saveQuoteSettings(trx, actor, request.body));
    return quoteSettings(db);
  });
};
