import type { Readable } from 'node:stream';
import type { Locale } from '@contracts/common.js';
import type { ImportEntity } from '@contracts/imports.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { readRows, sniffFormat } from './file-reader.js';
import { CHUNK_BYTES, type JobRow, createJob, readChunks, saveChunk } from './import-store.js';

/** Larger files are split by the user (about 200,000 rows of customers fit well under this). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
const SAMPLE_ROWS = 5;

/**
 * Streams an uploaded file into import_file_chunks, then reads its heading row and a few sample
 * rows for the mapping step. A file that is too big, empty or unreadable leaves nothing behind.
 */
export async function storeUpload(
  db: Db,
  actor: Actor,
  meta: { entity: ImportEntity; fileName: string; locale: Locale },
  body: Readable | AsyncIterable<Uint8Array>,
): Promise<JobRow> {
  let jobId: string | null = null;
  let seq = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    if (!jobId) jobId = await createJob(db, actor, { ...meta, format: sniffFormat(data, meta.fileName) });
    await saveChunk(db, jobId, seq++, data);
  };
  const discard = async () => {
    if (jobId) await db.deleteFrom('import_jobs').where('id', '=', jobId).execute();
  };
  try {
    for await (const piece of body) {
      const buf = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece as Uint8Array);
      size += buf.length;
      if (size > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
  } catch (e) {
    await discard();
    throw e;
  }
  if (!jobId) throw new AppError('IMPORT_EMPTY');
  const id: string = jobId;
  const job = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const head: string[][] = [];
  try {
    for await (const row of readRows(job.format, readChunks(db, id), { bytes: 0 })) {
      head.push(row);
      if (head.length > SAMPLE_ROWS) break;
    }
  } catch {
    await discard();
    throw new AppError('IMPORT_UNREADABLE');
  }
  const headers = (head[0] ?? []).map((h) => h.trim());
  if (headers.every((h) => h === '')) {
    await discard();
    throw new AppError('IMPORT_EMPTY');
  }
  return db
    .updateTable('import_jobs')
    .set({ size_bytes: size, headers: JSON.stringify(headers), sample: JSON.stringify(head.slice(1)) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
