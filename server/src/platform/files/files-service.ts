import type { Readable } from 'node:stream';
import type { StoredFile } from '@contracts/files.js';
import { sql } from 'kysely';
import { type Actor, actorUserId, can } from '../access/actor.js';
import { AppError } from '../http/errors.js';
import { type EntityDef, entityByName } from '../records/entity-registry.js';
import { findVisible } from '../records/record-store.js';
import type { FileRow } from './file-table.js';
import { type FilesDeps, type StoreFileInput, readStoredFile, storeFile } from './stored-files.js';

/** Most files one record lists; a record with more is a folder, not a record. */
const MAX_FILES_PER_RECORD = 500;

/**
 * The record a file hangs off, checked like the record itself: its module permission, then its
 * scope (P2) through the entity registry. Outside the scope, or in the recycle bin, it is not
 * found; so are its files. Owners that are not registered entities (an import job) are never
 * reached this way: their domain serves their files.
 */
async function ownerRecord(
  db: FilesDeps['db'],
  actor: Actor,
  ownerEntity: string,
  ownerId: string,
  action: 'view' | 'edit',
): Promise<EntityDef> {
  const def = entityByName(ownerEntity);
  if (!def) throw new AppError('NOT_FOUND');
  if (!can(actor, def.module, 'view')) throw new AppError('FORBIDDEN');
  const row = await findVisible(db, actor, def, ownerId);
  if (action === 'edit' && !can(actor, def.module, 'edit')) throw new AppError('FORBIDDEN');
  if (action === 'edit' && def.attachmentsLocked?.(row)) throw new AppError('ATTACHMENTS_LOCKED', { params: { record: def.label } });
  return def;
}

/** Attaches a file to a record the actor may see and edit. */
export async function saveFile(deps: FilesDeps, actor: Actor, input: StoreFileInput): Promise<FileRow> {
  await ownerRecord(deps.db, actor, input.ownerEntity, input.ownerId, 'edit');
  return storeFile(deps, actor, input);
}

async function liveFile(deps: FilesDeps, id: string): Promise<FileRow> {
  const row = await deps.db.selectFrom('files').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A file and its bytes, when the actor may see the record that owns it; 404 otherwise. */
export async function openFile(deps: FilesDeps, actor: Actor, id: string): Promise<{ file: FileRow; stream: Readable }> {
  const file = await liveFile(deps, id);
  await ownerRecord(deps.db, actor, file.owner_entity, file.owner_id, 'view');
  return { file, stream: await readStoredFile(deps, file) };
}

export async function listFiles(deps: FilesDeps, actor: Actor, ownerEntity: string, ownerId: string): Promise<StoredFile[]> {
  await ownerRecord(deps.db, actor, ownerEntity, ownerId, 'view');
  const rows = await deps.db
    .selectFrom('files as f')
    .leftJoin('users as u', 'u.id', 'f.created_by')
    .selectAll('f')
    .select('u.display_name as created_by_name')
    .where('f.owner_entity', '=', ownerEntity)
    .where('f.owner_id', '=', ownerId)
    .where('f.deleted_at', 'is', null)
    .orderBy('f.created_at', 'desc')
    .limit(MAX_FILES_PER_RECORD)
    .execute();
  return rows.map((r) => fileToApi(r, r.created_by_name));
}

/**
 * Soft delete, by whoever may edit the owning record: the row keeps its checksum and the bytes
 * stay in the store, so a file removed by mistake can be traced and put back.
 */
export async function deleteFile(deps: FilesDeps, actor: Actor, id: string): Promise<void> {
  const file = await liveFile(deps, id);
  await ownerRecord(deps.db, actor, file.owner_entity, file.owner_id, 'edit');
  await deps.db
    .updateTable('files')
    .set({ deleted_at: sql`now()`, deleted_by: actorUserId(actor) })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}

export function fileToApi(row: FileRow, createdByName: string | null = null): StoredFile {
  return {
    id: row.id,
    ownerEntity: row.owner_entity,
    ownerId: row.owner_id,
    purpose: row.purpose,
    name: row.name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    createdBy: row.created_by,
    createdByName,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
