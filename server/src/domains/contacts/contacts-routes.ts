import { contactListQuery, contactSchema, createContactBody, updateContactBody } from '@contracts/contacts.js';
import { idParams, listResponse, okResponse } from '@contracts/common.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contact-service.js';
import './contact-export.js';
import './contact-import.js';
import './contact-search.js';

const tags = ['contacts'];

export const contactsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get(
    '/contacts',
    { schema: { tags, querystring: contactListQuery, response: { 200: listResponse(contactSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'contacts', 'view');
      return listContacts(db, actor, request.query);
    },
  );

  app.get('/contacts/:id', { schema: { tags, params: idParams, response: { 200: contactSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'contacts', 'view');
    return getContact(db, actor, request.params.id);
  });

  app.post('/contacts', { schema: { tags, body: createContactBody, response: { 201: contactSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'contacts', 'create');
    const id = await db.transaction().execute((trx) => createContact(trx, actor, request.body));
    return reply.status(201).send(await getContact(db, actor, id));
  });

  app.patch(
    '/contacts/:id',
    { schema: { tags, params: idParams, body: updateContactBody, response: { 200: contactSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'contacts', 'edit');
      return db.transaction().execute((trx) => updateContact(trx, actor, request.params.id, request.body));
    },
  );

  app.delete('/contacts/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'contacts', 'delete');
    await db.transaction().execute((trx) => deleteContact(trx, actor, request.params.id));
    return { ok: true as const };
  });
};
