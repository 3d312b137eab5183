import type { Locale } from '@contracts/common.js';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCovers } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/files/file-storage.js';
import { translateField } from '../../platform/i18n/messages.js';
import { fieldMessages } from '../../platform/http/validation-errors.js';
import { readRows } from './file-reader.js';
import { flagProblem } from './import-duplicates.js';
import { headingKey } from './import-fields.js';
import { type BatchContext, type Candidate, type ImportDef, type ImportField, type InsertedRow, importFor } from './import-registry.js';
import { type JobRow, writeLeaseSeconds } from './import-store.js';
import { type OwnerIndex, type PicklistIndex, convertRow, describeProblems } from './row-convert.js';
import { discardUpload, readUpload } from './upload.js';

/** Rows per batch: one duplicate query, one insert and one history insert each. */
const BATCH_ROWS = 1000;
/** A file beyond this is split by the user; a CRM import is not a data migration tool. */
const MAX_IMPORT_ROWS = 200_000;

interface Lookups {
  fields: Map<string, ImportField>;
  picklists: PicklistIndex;
  owners: OwnerIndex;
  /** Department of each colleague, for the owner_dept_id the record base keeps. */
  departments: Map<string, string | null>;
}

async function loadLookups(db: Db, actor: Actor, target: ImportDef): Promise<Lookups> {
  const picklists: PicklistIndex = new Map();
  const values = await db
    .selectFrom('picklist_values')
    .select(['list', 'code', 'label_zh_cn', 'label_zh_tw', 'label_en'])
    .where('active', '=', true)
    .execute();
  for (const v of values) {
    const m = picklists.get(v.list) ?? new Map<string, string>();
    picklists.set(v.list, m);
    for (const name of [v.label_en, v.label_zh_tw, v.label_zh_cn, v.code]) m.set(headingKey(name), v.code);
  }
  // "IT/互联网" is also found as "互联网": each part of a slashed label, unless another value owns it.
  for (const v of values) {
    const m = picklists.get(v.list) as Map<string, string>;
    for (const label of [v.label_zh_cn, v.label_zh_tw, v.label_en]) {
      for (const part of label.split(/[/／&]/).map(headingKey)) if (part && !m.has(part)) m.set(part, v.code);
    }
  }
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'department_id'])
    .where('active', '=', true)
    .execute();
  const owners: OwnerIndex = new Map();
  const departments = new Map<string, string | null>();
  for (const u of users) {
    departments.set(u.id, u.department_id);
    // Only colleagues the importer could assign a record to by hand (record-store's rule).
    if (!scopeCovers(actor, { ownerId: u.id, ownerDeptId: u.department_id })) continue;
    owners.set(u.username.toLowerCase(), u.id);
    if (!owners.has(u.display_name.toLowerCase())) owners.set(u.display_name.toLowerCase(), u.id);
  }
  return { fields: new Map(target.fields.map((f) => [f.key, f])), picklists, owners, departments };
}

/** Converts, resolves and checks one batch; afterwards each candidate either has `values` or problems. */
async function checkBatch(db: Db, target: ImportDef, ctx: BatchContext, look: Lookups, locale: Locale, batch: Candidate[]) {
  if (target.resolve) await target.resolve(db, ctx, batch);
  for (const c of batch) {
    const parsed = target.schema.safeParse(c.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        keyword: i.code,
        instancePath: `/${i.path.join('/')}`,
        message: i.message,
        params: i as unknown as Record<string, unknown>,
      }));
      for (const [field, message] of Object.entries(fieldMessages(issues, locale))) {
        if (!c.problems.some((p) => p.field === field)) c.problems.push({ field, message });
      }
      continue;
    }
    if (c.problems.length > 0) continue;
    const body = parsed.data as Record<string, unknown>;
    c.ownerId ??= (body.ownerId as string | undefined) ?? ctx.actor.userId;
    if (c.ownerDeptId === undefined) c.ownerDeptId = look.departments.get(c.ownerId) ?? null;
    c.values = target.columns(body);
  }
  await target.duplicates(
    db,
    ctx,
    batch.filter((c) => c.problems.length === 0),
  );
}

/**
 * One multi-row INSERT through jsonb_populate_recordset (a single parameter however many rows),
 * then one history row per record naming the import. Rows whose unique key was taken since the
 * check (ON CONFLICT on a live-unique index, e.g. customer names) are flagged as duplicates.
 */
async function insertBatch(trx: Db, target: ImportDef, ctx: BatchContext, job: JobRow, rows: Candidate[]): Promise<void> {
  if (rows.length === 0) return;
  const actor = ctx.actor;
  const records = rows.map((c) => ({
    ...c.values,
    owner_id: c.ownerId,
    owner_dept_id: c.ownerDeptId ?? null,
    created_by: actor.userId,
    updated_by: actor.userId,
  }));
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const { rows: inserted } = await sql<InsertedRow>`
    INSERT INTO ${sql.table(target.table)} (${list})
    SELECT ${list} FROM jsonb_populate_recordset(NULL::${sql.table(target.table)}, ${JSON.stringify(records)}::jsonb)
    ON CONFLICT DO NOTHING
    RETURNING ${target.returning}`.execute(trx);
  await sql`
    INSERT INTO record_history (entity, record_id, action, actor_id, request_id, new_value)
    SELECT ${target.historyEntity}, id, 'import', ${actor.via === 'system' ? null : actor.userId}, ${actor.requestId ?? null},
           ${JSON.stringify({ import: job.id, file: job.file_name })}::jsonb
      FROM unnest(${inserted.map((r) => r.id)}::uuid[]) AS id`.execute(trx);
  await target.afterInsert?.(trx, actor, inserted);
  const key = target.uniqueKey;
  if (!key || inserted.length === rows.length) return;
  const taken = new Set(inserted.map((r) => r.k));
  for (const c of rows) if (!taken.has(key.of(c.values ?? {}))) flagProblem(c, key.field, ctx.message('import_duplicate'));
}

async function saveErrors(trx: Db, job: JobRow, look: Lookups, locale: Locale, bad: Candidate[]) {
  if (bad.length === 0) return;
  await trx
    .insertInto('import_errors')
    .values(
      bad.map((c) => ({
        job_id: job.id,
        row_no: c.rowNo,
        message: describeProblems(c.problems, look.fields, locale),
        is_duplicate: c.duplicate,
        raw: JSON.stringify(c.raw),
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface PassResult {
  rows: number;
  ok: number;
  errors: number;
  duplicates: number;
}

/**
 * Reads the whole file once. `write` inserts each batch's good rows; `trx` (strict mode) runs
 * every write in one transaction, otherwise each batch commits with its errors and progress.
 */
async function pass(
  db: Db,
  files: FileStorage,
  actor: Actor,
  job: JobRow,
  mapping: (string | null)[],
  opts: { write: boolean; trx?: Db; onProgress?: (p: PassResult & { bytes: number }) => void },
): Promise<PassResult> {
  const target = importFor(job.entity);
  const locale = job.locale as Locale;
  const look = await loadLookups(db, actor, target);
  const ctx: BatchContext = {
    actor,
    locale,
    skipDuplicates: job.duplicates === 'skip',
    seen: new Set(),
    message: (key, params) => translateField(key, locale, params),
  };
  const pos = { bytes: 0 };
  const total: PassResult = { rows: 0, ok: 0, errors: 0, duplicates: 0 };
  const work = opts.trx ?? db;

  async function flush(batch: Candidate[]) {
    await checkBatch(work, target, ctx, look, locale, batch);
    const apply = async (trx: Db) => {
      let good = batch.filter((c) => c.problems.length === 0);
      if (opts.write) {
        await insertBatch(trx, target, ctx, job, good);
        good = good.filter((c) => c.problems.length === 0);
      }
      const bad = batch.filter((c) => c.problems.length > 0);
      await saveErrors(trx, job, look, locale, bad);
      total.rows += batch.length;
      total.ok += good.length;
      total.errors += bad.length;
      total.duplicates += bad.filter((c) => c.duplicate).length;
      // Progress goes with the batch it describes; in one big transaction nobody else would see it.
      if (!opts.trx) {
        await trx
          .updateTable('import_jobs')
          .set({
            bytes_read: pos.bytes,
            rows_read: total.rows,
            ok_rows: total.ok,
            error_rows: total.errors,
            duplicate_rows: total.duplicates,
            heartbeat_at: sql`now()`,
          })
          .where('id', '=', job.id)
          .execute();
      }
    };
    if (opts.trx || !opts.write) await apply(work);
    else await work.transaction().execute(apply);
    opts.onProgress?.({ ...total, bytes: pos.bytes });
  }

  let rowNo = 0;
  let batch: Candidate[] = [];
  for await (const row of readRows(job.format, await readUpload({ db, files }, job), pos)) {
    rowNo++;
    if (rowNo === 1) continue; // the heading row
    if (rowNo - 1 > MAX_IMPORT_ROWS) throw new ImportTooLarge();
    const { body, problems } = convertRow(row, mapping, look.fields, look.picklists, look.owners);
    batch.push({
      rowNo,
      raw: row,
      body,
      problems: problems.map((p) => ({ field: p.field, message: translateField(p.key, locale, p.params) })),
      duplicate: false,
    });
    if (batch.length >= BATCH_ROWS) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await flush(batch);
  return total;
}

class ImportTooLarge extends Error {
  constructor() {
    super(`more than ${MAX_IMPORT_ROWS} rows`);
  }
}

async function finish(db: Db, job: JobRow, status: 'checked' | 'done' | 'rejected' | 'failed', r: PassResult | null, failure?: string) {
  await db
    .updateTable('import_jobs')
    .set({
      status,
      ...(r ? { rows_read: r.rows, ok_rows: r.ok, error_rows: r.errors, duplicate_rows: r.duplicates } : {}),
      bytes_read: sql`size_bytes`,
      failure: failure ?? null,
      finished_at: sql`now()`,
      heartbeat_at: sql`now()`,
    })
    .where('id', '=', job.id)
    .execute();
}

async function clearErrors(db: Db, jobId: string) {
  await db.deleteFrom('import_errors').where('job_id', '=', jobId).execute();
}

/**
 * Runs a claimed job to the end: a dry run only checks; strict mode checks the whole file first and
 * writes nothing if any row is bad; lenient mode writes good rows batch by batch and reports the rest.
 */
export async function runJob(
  db: Db,
  files: FileStorage,
  actor: Actor,
  job: JobRow,
  onProgress?: (p: PassResult & { bytes: number }) => void,
): Promise<PassResult> {
  const mapping = job.mapping ?? [];
  try {
    await clearErrors(db, job.id);
    if (job.dry_run) {
      const r = await pass(db, files, actor, job, mapping, { write: false, onProgress });
      await finish(db, job, 'checked', r);
      return r;
    }
    if (job.mode === 'strict') {
      const check = await pass(db, files, actor, job, mapping, { write: false, onProgress });
      if (check.errors > 0) {
        await finish(db, job, 'rejected', { ...check, ok: 0 });
        return { ...check, ok: 0 };
      }
      await clearErrors(db, job.id);
      await db
        .updateTable('import_jobs')
        .set({ heartbeat_at: sql`now() + make_interval(secs => ${writeLeaseSeconds(check.rows)})` })
        .where('id', '=', job.id)
        .execute();
      // All or nothing: every batch in one transaction, so a late conflict undoes the lot.
      const r = await db.transaction().execute(async (trx) => {
        const written = await pass(trx, files, actor, job, mapping, { write: true, trx });
        if (written.errors > 0) throw new StrictConflict(written);
        return written;
      });
      await finish(db, job, 'done', r);
      await discardUpload({ db, files }, job);
      return r;
    }
    const r = await pass(db, files, actor, job, mapping, { write: true, onProgress });
    await finish(db, job, 'done', r);
    await discardUpload({ db, files }, job);
    return r;
  } catch (e) {
    if (e instanceof StrictConflict) {
      await finish(db, job, 'rejected', { ...e.result, ok: 0 });
      return { ...e.result, ok: 0 };
    }
    await finish(db, job, 'failed', null, e instanceof ImportTooLarge ? 'too_many_rows' : 'unreadable');
    throw e;
  }
}

class StrictConflict extends Error {
  constructor(readonly result: PassResult) {
    super('rows changed between the check and the write');
  }
}
