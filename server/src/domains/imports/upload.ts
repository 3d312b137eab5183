import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Locale } from '@contracts/common.js';
import type { ImportEntity } from '@contracts/imports.js';
import type { Actor } from '../../platform/access/actor.js';
import { registerFilePurpose } from '../../platform/files/file-purposes.js';
import { type FilesDeps, purgeFile, readStoredFile, storeFile } from '../../platform/files/stored-files.js';
import { AppError } from '../../platform/http/errors.js';
import { readRows, sniffFormat } from './file-reader.js';
import type { JobRow } from './import-store.js';

/** Larger files are split by the user (about 200,000 rows of customers fit well under this). */
const MAX_FILE_BYTES = 100 * 1024 * 1024;
const SAMPLE_ROWS = 5;
/** Files kept by platform/files are owned by something; an upload belongs to its import job. */
const OWNER = 'import_job';

registerFilePurpose({
  purpose: 'import',
  types: [
    'text/csv',
    'application/csv',
    'text/plain',
    'text/tab-separated-values',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
  extensions: ['csv', 'tsv', 'txt', 'xlsx'],
  maxBytes: MAX_FILE_BYTES,
});

/** Passes the body on, keeping its first bytes: they tell CSV from XLSX without reading the file again. */
async function* keepingHead(body: Readable | AsyncIterable<Uint8Array>, head: { bytes: Buffer }): AsyncGenerator<Uint8Array> {
  // An upload refused part-way must not destroy the request body: the answer still goes out on it.
  const pieces = body instanceof Readable ? body.iterator({ destroyOnReturn: false }) : body;
  for await (const piece of pieces as AsyncIterable<Uint8Array | string>) {
    const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (head.bytes.length < 8) head.bytes = Buffer.concat([head.bytes, buf.subarray(0, 8)]);
    yield buf;
  }
}

/**
 * Stores an uploaded file through platform/files (purpose 'import', owned by the new job), then
 * reads its heading row and a few sample rows for the mapping step. The job is created only once
 * the file is readable: a file that is too big, empty or unreadable leaves nothing behind.
 */
export async function storeUpload(
  deps: FilesDeps,
  actor: Actor,
  meta: { entity: ImportEntity; fileName: string; locale: Locale; contentType?: string },
  body: Readable | AsyncIterable<Uint8Array>,
): Promise<JobRow> {
  const jobId = randomUUID();
  const head = { bytes: Buffer.alloc(0) };
  const file = await storeFile(deps, actor, {
    ownerEntity: OWNER,
    ownerId: jobId,
    purpose: 'import',
    name: meta.fileName,
    contentType: meta.contentType ?? 'application/octet-stream',
    body: keepingHead(body, head),
  }).catch((e: unknown) => {
    throw e instanceof AppError && e.code === 'FILE_EMPTY' ? new AppError('IMPORT_EMPTY') : e;
  });
  const discard = () => purgeFile(deps, file.id);
  const format = sniffFormat(head.bytes, meta.fileName);
  const rows: string[][] = [];
  try {
    for await (const row of readRows(format, await readStoredFile(deps, file), { bytes: 0 })) {
      rows.push(row);
      if (rows.length > SAMPLE_ROWS) break;
    }
  } catch {
    await discard();
    throw new AppError('IMPORT_UNREADABLE');
  }
  const headers = (rows[0] ?? []).map((h) => h.trim());
  if (headers.every((h) => h === '')) {
    await discard();
    throw new AppError('IMPORT_EMPTY');
  }
  try {
    return await deps.db
      .insertInto('import_jobs')
      .values({
        id: jobId,
        entity: meta.entity,
        file_name: meta.fileName,
        format,
        locale: meta.locale,
        created_by: actor.userId,
        file_id: file.id,
        size_bytes: file.size_bytes,
        headers: JSON.stringify(headers),
        sample: JSON.stringify(rows.slice(1)),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (e) {
    await discard();
    throw e;
  }
}

/** The job's file, piece by piece, through the store that holds it (in the caller's transaction, if any). */
export async function readUpload(deps: FilesDeps, job: JobRow): Promise<AsyncIterable<Uint8Array>> {
  const file = job.file_id
    ? await deps.db.selectFrom('files').select(['store', 'storage_key']).where('id', '=', job.file_id).executeTakeFirst()
    : undefined;
  // Gone after a finished run; the runner reports the job as failed ('unreadable').
  if (!file) throw new AppError('IMPORT_UNREADABLE');
  return readStoredFile(deps, file);
}

/** A finished import needs its file no more: row and bytes go. */
export async function discardUpload(deps: FilesDeps, job: JobRow): Promise<void> {
  if (job.file_id) await purgeFile(deps, job.file_id);
}
