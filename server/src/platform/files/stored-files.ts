import type { Readable } from 'node:stream';
import type { Actor } from '../access/actor.js';
import { actorUserId } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { sanitizeFileName, normaliseContentType } from './file-names.js';
import { assertFileType, filePurpose } from './file-purposes.js';
import type { FileStorage } from './file-storage.js';
import type { FileBody } from './file-store.js';
import { fileTooLarge } from './file-store.js';
import type { FileRow } from './file-table.js';

/** The two things file functions need; the AppContext has both, and a transaction can stand in for db. */
export interface FilesDeps {
  db: Db;
  files: FileStorage;
}

export interface StoreFileInput {
  ownerEntity: string;
  ownerId: string;
  purpose: string;
  name: string;
  contentType?: string | null;
  body: FileBody;
  /** Content-Length, when the client sent one: an upload declared too large is refused before a byte is read. */
  declaredBytes?: number;
}

/**
 * Stores a file and its row without looking at the owner: for a domain that guards its own
 * owner (an import job is its creator's alone). Attachments to records go through saveFile,
 * which checks the record first. Bad name, type or size → 413/415/422; nothing is left behind.
 */
export async function storeFile({ db, files }: FilesDeps, actor: Actor, input: StoreFileInput): Promise<FileRow> {
  const purpose = filePurpose(input.purpose);
  const name = sanitizeFileName(input.name);
  const contentType = normaliseContentType(input.contentType);
  assertFileType(purpose, name, contentType);
  const maxBytes = purpose.maxBytes ?? files.maxBytes;
  if (input.declaredBytes !== undefined && input.declaredBytes > maxBytes) throw fileTooLarge(maxBytes);
  const store = files.current;
  const stored = await store.put(input.body, { maxBytes, db });
  try {
    if (stored.size === 0) throw new AppError('FILE_EMPTY', { fields: { file: { key: 'file_empty' } } });
    return await db
      .insertInto('files')
      .values({
        owner_entity: input.ownerEntity,
        owner_id: input.ownerId,
        purpose: purpose.purpose,
        name,
        content_type: contentType,
        size_bytes: stored.size,
        sha256: stored.sha256,
        store: store.kind,
        storage_key: stored.key,
        created_by: actorUserId(actor),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (e) {
    await store.delete(stored.key, { db });
    throw e;
  }
}

/** The bytes of a file, from the store that holds them; callers have checked who may read it. */
export function readStoredFile({ db, files }: FilesDeps, row: Pick<FileRow, 'store' | 'storage_key'>): Promise<Readable> {
  return files.of(row.store).get(row.storage_key, { db });
}

/** Removes a file for good, row and bytes: for files whose owner is done with them (an import that has run). */
export async function purgeFile({ db, files }: FilesDeps, id: string): Promise<void> {
  const row = await db.deleteFrom('files').where('id', '=', id).returning(['store', 'storage_key']).executeTakeFirst();
  if (row) await files.of(row.store).delete(row.storage_key, { db });
}
