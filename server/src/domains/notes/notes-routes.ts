import { idParams, listResponse, okResponse } from '@contracts/common.js';
import { createNoteBody, noteListQuery, noteSchema, updateNoteBody } from '@contracts/notes.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import { olderThan, registerTimelineProvider } from '../customers/public.js';
import { createNote, deleteNote, getNote, listNotes, noteTags, updateNote } from './note-service.js';
import './note-search.js';

const tags = ['notes'];

// C8: notes linked to a customer appear on its timeline (visible ones: notes follow the data scope).
registerTimelineProvider({
  type: 'note',
  async fetch(db, actor, customerId, page) {
    const { rows } = await sql<{ id: string; title: string; body: string; updated_at: Date; author: string | null }>`
      SELECT n.id, n.title, n.body, n.updated_at, u.display_name AS author
        FROM notes n JOIN note_links l ON l.note_id = n.id AND l.entity = 'customer' AND l.record_id = ${customerId}
        LEFT JOIN users u ON u.id = n.owner_id
       WHERE n.deleted_at IS NULL AND ${olderThan('n.updated_at', 'n.id', page)}
         AND ${scopeFilter(actor, 'n')}
       ORDER BY n.updated_at DESC, n.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'note',
      id: r.id,
      at: new Date(r.updated_at).toISOString(),
      title: r.title,
      body: r.body.length > 300 ? `${r.body.slice(0, 300)}…` : r.body,
      actorName: r.author,
      meta: {},
    }));
  },
});

/** C11 notes: CRUD, tags, links to customers, contacts and leads. */
export const notesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get('/notes', { schema: { tags, querystring: noteListQuery, response: { 200: listResponse(noteSchema) } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'notes', 'view');
    return listNotes(db, actor, request.query);
  });

  app.get(
    '/notes/tags',
    { schema: { tags, response: { 200: z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) }) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'notes', 'view');
      return { items: await noteTags(db, actor) };
    },
  );

  app.get('/notes/:id', { schema: { tags, params: idParams, response: { 200: noteSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'notes', 'view');
    return getNote(db, actor, request.params.id);
  });

  app.post('/notes', { schema: { tags, body: createNoteBody, response: { 201: noteSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'notes', 'create');
    const id = await db.transaction().execute((trx) => createNote(trx, actor, request.body));
    return reply.status(201).send(await getNote(db, actor, id));
  });

  app.patch('/notes/:id', { schema: { tags, params: idParams, body: updateNoteBody, response: { 200: noteSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'notes', 'edit');
    await db.transaction().execute((trx) => updateNote(trx, actor, request.params.id, request.body));
    return getNote(db, actor, request.params.id);
  });

  app.delete('/notes/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'notes', 'delete');
    await db.transaction().execute((trx) => deleteNote(trx, actor, request.params.id));
    return { ok: true as const };
  });
};
