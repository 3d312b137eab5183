import type { createNoteBody, noteListQuery, updateNoteBody } from '@contracts/notes.js';
import { type Selectable, sql } from 'kysely';
import sanitizeHtml from 'sanitize-html';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow } from '../../platform/records/record-base-api.js';
import { notifyMentions } from '../../platform/notifications/mentions.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { entityByName } from '../../platform/records/entity-registry.js';
import { noteEntity } from './note-entity.js';
import type { NoteTable } from './note-table.js';

type NoteRow = Selectable<NoteTable>;
type Link = { entity: 'customer' | 'contact' | 'lead'; recordId: string };

/** The notes search index expression (0011): the two must stay identical. */
const NOTE_BIGRAMS = sql`text_bigrams(lower(title || ' ' || body))`;

/**
 * Bodies are Markdown; any HTML in them is removed (tags dropped, their text kept), so nothing a
 * user types can run in a colleague's browser. The web client renders Markdown with HTML off too.
 */
const cleanBody = (body: string) => sanitizeHtml(body, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' });

const TITLE_COLUMN: Record<Link['entity'], string> = { customer: 'name', contact: 'name', lead: 'company' };

/** Links point at records the author can see; anything else is refused as a bad reference. */
async function checkLinks(trx: Db, actor: Actor, links: Link[]) {
  for (const l of links) {
    const def = entityByName(l.entity);
    if (!def) throw new AppError('VALIDATION', { fields: { links: { key: 'reference' } } });
    await findVisible(trx, actor, def, l.recordId).catch(() => {
      throw new AppError('VALIDATION', { fields: { links: { key: 'reference' } } });
    });
  }
}

async function saveLinks(trx: Db, noteId: string, links: Link[]) {
  await trx.deleteFrom('note_links').where('note_id', '=', noteId).execute();
  const unique = [...new Map(links.map((l) => [`${l.entity}:${l.recordId}`, l])).values()];
  if (unique.length)
    await trx
      .insertInto('note_links')
      .values(unique.map((l) => ({ note_id: noteId, entity: l.entity, record_id: l.recordId })))
      .execute();
}

async function notesToApi(db: Db, rows: NoteRow[]) {
  if (rows.length === 0) return [];
  const names = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const links = await db
    .selectFrom('note_links')
    .selectAll()
    .where(
      'note_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const titles = new Map<string, string>();
  for (const entity of ['customer', 'contact', 'lead'] as const) {
    const ids = links.filter((l) => l.entity === entity).map((l) => l.record_id);
    if (!ids.length) continue;
    const table = entityByName(entity)?.table as 'customers';
    const found = await db
      .selectFrom(table)
      .select(['id', sql<string>`${sql.ref(TITLE_COLUMN[entity])}`.as('title')])
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute();
    for (const f of found) titles.set(`${entity}:${f.id}`, f.title);
  }
  return rows.map((r) => ({
    title: r.title,
    body: r.body,
    tags: r.tags ?? [],
    links: links
      .filter((l) => l.note_id === r.id)
      .map((l) => ({ entity: l.entity, recordId: l.record_id, title: titles.get(`${l.entity}:${l.record_id}`) ?? null })),
    ...names(r as unknown as RecordBaseRow),
  }));
}

export async function listNotes(db: Db, actor: Actor, q: z.infer<typeof noteListQuery>) {
  let f = db.selectFrom('notes').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.q) {
    f = f.where((eb) => eb.or([eb('title', 'ilike', likePattern(q.q as string)), eb('body', 'ilike', likePattern(q.q as string))]));
    if ([...q.q].length >= 2) f = f.where(sql<boolean>`${NOTE_BIGRAMS} @> text_bigrams(lower(${q.q}))`);
  }
  if (q.tag) f = f.where(sql<boolean>`${q.tag} = ANY(tags)`);
  if (q.entity && q.recordId) {
    const { entity, recordId } = q;
    f = f.where('id', 'in', (eb) =>
      eb.selectFrom('note_links').select('note_id').where('entity', '=', entity).where('record_id', '=', recordId),
    );
  }
  const page = await runList<NoteRow>(f, q, { updatedAt: 'updated_at', title: 'title', createdAt: 'created_at' }, '-updatedAt', (x) =>
    x.selectAll(),
  );
  return { ...page, items: await notesToApi(db, page.items) };
}

export async function noteTags(db: Db, actor: Actor) {
  const { rows } = await sql<{ tag: string; n: number }>`
    SELECT t.tag, count(*)::int AS n FROM notes, unnest(tags) AS t(tag)
     WHERE deleted_at IS NULL AND ${scopeFilter(actor)} GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT 200`.execute(db);
  return rows.map((r) => ({ tag: r.tag, count: r.n }));
}

export async function getNote(db: Db, actor: Actor, id: string) {
  const row = (await findVisible(db, actor, noteEntity, id)) as unknown as NoteRow;
  return (await notesToApi(db, [row]))[0];
}

export async function createNote(trx: Db, actor: Actor, b: z.infer<typeof createNoteBody>) {
  await checkLinks(trx, actor, b.links);
  const row = await insertRecord(
    trx,
    actor,
    noteEntity,
    { title: b.title, body: cleanBody(b.body), tags: b.tags },
    b.ownerId ?? actor.userId,
  );
  await saveLinks(trx, String(row.id), b.links);
  await notifyNoteMentions(trx, actor, String(row.id), b.title, cleanBody(b.body));
  return String(row.id);
}

/** Colleagues @mentioned in a note hear of it once per note, also when it is edited later. */
const notifyNoteMentions = (trx: Db, actor: Actor, id: string, title: string, body: string) =>
  notifyMentions(trx, {
    authorId: actor.userId,
    text: body,
    where: { 'zh-CN': `笔记「${title}」`, 'zh-TW': `筆記「${title}」`, en: `the note "${title}"` },
    link: '/notes',
    sourceKey: `note:${id}`,
  });

export async function updateNote(trx: Db, actor: Actor, id: string, body: z.infer<typeof updateNoteBody>) {
  const { version, links, ...b } = body;
  if (links) await checkLinks(trx, actor, links);
  const patch = Object.fromEntries(
    Object.entries({
      title: b.title,
      body: b.body === undefined ? undefined : cleanBody(b.body),
      tags: b.tags,
      owner_id: b.ownerId,
    }).filter(([, v]) => v !== undefined),
  );
  const after = await updateRecord(
    trx,
    actor,
    noteEntity,
    id,
    version,
    patch,
    async (row) => (await notesToApi(trx, [row as unknown as NoteRow]))[0],
  );
  if (links) await saveLinks(trx, id, links);
  if (b.body !== undefined) await notifyNoteMentions(trx, actor, id, String(after.title), String(after.body));
}

export const deleteNote = (trx: Db, actor: Actor, id: string) => softDeleteRecord(trx, actor, noteEntity, id);
