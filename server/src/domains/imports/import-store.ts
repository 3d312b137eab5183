import type { Locale } from '@contracts/common.js';
import type { ImportJob } from '@contracts/imports.js';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { fieldsToApi, importFields, suggestMapping } from './import-fields.js';
import type { ImportJobTable } from './import-table.js';

export type JobRow = Selectable<ImportJobTable>;

/** A running job touches its heartbeat every batch; silence this long means its server stopped. */
export const STALE_AFTER_MS = 2 * 60_000;

/**
 * A strict import writes in one transaction: it cannot touch its heartbeat meanwhile (nobody would
 * see it, and the embedded database has one connection). It takes a lease instead, long enough for
 * the rows at a slow 200 rows/s: until then the job counts as running.
 */
export const writeLeaseSeconds = (rows: number) => Math.max(STALE_AFTER_MS / 1000, Math.ceil(rows / 200));

/** A job the caller started (an admin sees everyone's): others' imports are not theirs to read. */
export async function findJob(db: Db, actor: Actor, id: string): Promise<JobRow> {
  let q = db.selectFrom('import_jobs').selectAll().where('id', '=', id);
  if (!actor.permissions.includes('*')) q = q.where('created_by', '=', actor.userId);
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function isRunning(row: JobRow, now = Date.now()): boolean {
  return (row.status === 'checking' || row.status === 'importing') && now - new Date(row.heartbeat_at).getTime() < STALE_AFTER_MS;
}

export function jobToApi(row: JobRow, locale: Locale): ImportJob {
  // A job that stopped answering is reported as failed: its server went away mid-file.
  const interrupted = (row.status === 'checking' || row.status === 'importing') && !isRunning(row);
  const headers = row.headers ?? [];
  return {
    id: row.id,
    entity: row.entity,
    fileName: row.file_name,
    format: row.format,
    sizeBytes: Number(row.size_bytes),
    status: interrupted ? 'failed' : row.status,
    mode: row.mode,
    duplicates: row.duplicates,
    dryRun: row.dry_run,
    progress:
      row.status === 'done' || row.status === 'checked' || row.status === 'rejected'
        ? 100
        : Math.min(99, Math.floor((Number(row.bytes_read) * 100) / Math.max(1, Number(row.size_bytes)))),
    rowsRead: row.rows_read,
    okRows: row.ok_rows,
    errorRows: row.error_rows,
    duplicateRows: row.duplicate_rows,
    headers,
    sample: row.sample ?? [],
    suggestedMapping: suggestMapping(row.entity, headers),
    mapping: row.mapping,
    fields: fieldsToApi(importFields(row.entity), locale),
    failure: interrupted ? (row.failure ?? 'interrupted') : row.failure,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

export async function listJobs(db: Db, actor: Actor, locale: Locale) {
  const rows = await db
    .selectFrom('import_jobs')
    .selectAll()
    .where('created_by', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => {
    const { sample: _s, fields: _f, ...rest } = jobToApi(r, locale);
    return rest;
  });
}

export async function listErrors(db: Db, jobId: string, limit: number) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('import_errors')
      .select(['row_no', 'message', 'raw'])
      .where('job_id', '=', jobId)
      .orderBy('row_no')
      .limit(limit)
      .execute(),
    db.selectFrom('import_errors').select(sql<number>`count(*)::int`.as('n')).where('job_id', '=', jobId).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((e) => ({ row: e.row_no, message: e.message, values: e.raw })), total: total.n };
}

/** Every error row, in file order, a page at a time: the report can be as long as the file. */
async function* allErrors(db: Db, jobId: string) {
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('import_errors')
      .select(['row_no', 'message', 'raw'])
      .where('job_id', '=', jobId)
      .where('row_no', '>', after)
      .orderBy('row_no')
      .limit(1000)
      .execute();
    yield* rows;
    if (rows.length < 1000) return;
    after = rows[rows.length - 1].row_no;
  }
}

export interface RunSettings {
  mapping: (string | null)[];
  mode: 'strict' | 'lenient';
  duplicates: 'skip' | 'allow';
  dryRun: boolean;
}

/** Marks the job as running in one statement, so two clicks (or two servers) cannot run the same file twice. */
export async function claimJob(db: Db, job: JobRow, s: RunSettings, locale: Locale): Promise<JobRow | undefined> {
  return db
    .updateTable('import_jobs')
    .set({
      status: s.dryRun ? 'checking' : 'importing',
      mapping: JSON.stringify(s.mapping),
      mode: s.mode,
      duplicates: s.duplicates,
      dry_run: s.dryRun,
      locale,
      bytes_read: 0,
      rows_read: 0,
      ok_rows: 0,
      error_rows: 0,
      duplicate_rows: 0,
      failure: null,
      finished_at: null,
      heartbeat_at: sql`now()`,
      runs: sql`runs + 1`,
    })
    .where('id', '=', job.id)
    .where('runs', '=', job.runs)
    .where('status', '=', job.status)
    .returningAll()
    .executeTakeFirst();
}

/** The error report: the file's own columns (padded to the headings), then the row number and what to fix. */
export async function* errorReportRows(db: Db, jobId: string, width: number): AsyncGenerator<string[]> {
  for await (const e of allErrors(db, jobId)) {
    const cells = [...e.raw.slice(0, width), ...Array<string>(Math.max(0, width - e.raw.length)).fill('')];
    yield [...cells, String(e.row_no), e.message];
  }
}
