import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { basename } from 'node:path';
import { type Actor, assertCan, loadActor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { type FileStorage, databaseFileStorage } from '../../platform/files/file-storage.js';
import { csvStream } from '../../platform/downloads/table-writer.js';
import { assertMapping, headingKey, suggestMapping } from './import-fields.js';
import { findImport, registeredImports } from './import-registry.js';
import { type PassResult, runJob } from './import-runner.js';
import { claimJob, errorReportRows } from './import-store.js';
import { storeUpload } from './upload.js';

export interface CliImportOptions {
  entity: string;
  file: string;
  username: string;
  /** "客户名称=name,电话=phone": overrides the suggested mapping for the named headings. */
  map?: string;
  strict?: boolean;
  dryRun?: boolean;
  allowDuplicates?: boolean;
}

/**
 * `npm run crm -- import`: the same job the web page runs (upload, mapping, checks, batches), with
 * a progress line on stderr and the error report written beside the file. The imports are those the
 * domains registered: cli.ts loads them before calling this.
 */
export async function importFromCli(
  db: Db,
  o: CliImportOptions,
  log: (line: string) => void,
  // The server's stores (FILE_STORE) from `npm run crm`; tools without its configuration keep the file in the database.
  files: FileStorage = databaseFileStorage(db),
): Promise<PassResult & { status: string }> {
  const target = findImport(o.entity);
  if (!target)
    throw new Error(
      `--entity must be one of ${registeredImports()
        .map((d) => d.entity)
        .join(', ')}`,
    );
  const entity = target.entity;
  const user = await db.selectFrom('users').select('id').where('username', '=', o.username).executeTakeFirst();
  const loaded = user ? await loadActor(db, user.id) : null;
  if (!loaded) throw new Error(`No active user named "${o.username}".`);
  const actor: Actor = { ...loaded, via: 'session' };
  assertCan(actor, target.module, 'create');

  const job = await storeUpload(
    { db, files },
    actor,
    { entity, fileName: basename(o.file), locale: actor.locale },
    createReadStream(o.file),
  );
  const headers = job.headers;
  const mapping = suggestMapping(entity, headers);
  for (const pair of (o.map ?? '').split(',').filter(Boolean)) {
    const [heading, key] = pair.split('=').map((s) => s.trim());
    const i = headers.findIndex((h) => headingKey(h) === headingKey(heading));
    if (i < 0) throw new Error(`The file has no column "${heading}".`);
    mapping[i] = key === '' || key === '-' ? null : key;
  }
  const labels = new Map(target.fields.map((f) => [f.key, f.label[actor.locale]]));
  for (const [i, h] of headers.entries()) log(`  ${h} → ${mapping[i] ? labels.get(mapping[i] as string) : '(ignored)'}`);
  assertMapping(entity, headers, mapping, actor.locale);

  const settings = {
    mapping,
    mode: o.strict ? 'strict' : 'lenient',
    duplicates: o.allowDuplicates ? 'allow' : 'skip',
    dryRun: !!o.dryRun,
  } as const;
  const claimed = await claimJob(db, job, settings, actor.locale);
  if (!claimed) throw new Error('The job is already running.');
  const size = Math.max(1, Number(job.size_bytes));
  let shown = -1;
  const result = await runJob(db, files, actor, claimed, (p) => {
    const pct = Math.min(100, Math.floor((p.bytes * 100) / size));
    if (pct === shown) return;
    shown = pct;
    const bar = '#'.repeat(Math.floor(pct / 4)).padEnd(25, '.');
    process.stderr.write(`\r[${bar}] ${String(pct).padStart(3)}%  ${p.rows} rows, ${p.errors} with errors`);
  });
  process.stderr.write('\n');
  const final = await db.selectFrom('import_jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow();
  if (result.errors > 0) {
    const reportPath = `${o.file.replace(/\.(csv|xlsx)$/i, '')}.errors.csv`;
    await pipeline(csvStream([...headers, '行号', '错误原因'], errorReportRows(db, job.id, headers.length)), createWriteStream(reportPath));
    log(`Error report: ${reportPath}`);
  }
  return { ...result, status: final.status };
}
