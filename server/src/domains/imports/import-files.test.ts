import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, makeTeam, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { settleImport, uploadImport } from './import-test-steps.js';

// Import uploads live in platform/files (purpose 'import', owned by the job): here on the database
// store, whose reads must go through the strict run's transaction on the embedded database.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ FILE_STORE: 'database' });
});
afterAll(() => t.close());

describe('import uploads in platform/files', () => {
  it('keeps the upload as a file of its job until the import is done, then lets it go', async () => {
    const team = await makeTeam(t.app, t.db);
    const tag = uniq('文件');
    const csv = `客户名称,公司电话\n${tag}一公司,021-1\n${tag}二公司,021-2\n`;
    const up = await uploadImport(team.repA, 'customers', '客户.csv', csv);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const job = await t.db
      .selectFrom('import_jobs')
      .select(['file_id', 'size_bytes'])
      .where('id', '=', up.body.id)
      .executeTakeFirstOrThrow();
    const file = await t.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', job.file_id as string)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({
      owner_entity: 'import_job',
      owner_id: up.body.id,
      purpose: 'import',
      name: '客户.csv',
      store: 'database',
    });
    expect(file.size_bytes).toBe(Buffer.byteLength(csv));
    // Not an attachment of a record: the files API does not serve it.
    expect((await team.repA.get(`/api/v1/files/${file.id}/content`)).status).toBe(404);

    await team.repA.post(`/api/v1/imports/${up.body.id}/run`, { mapping: ['name', 'phone'], mode: 'strict' });
    expect(await settleImport(team.repA, up.body.id)).toMatchObject({ status: 'done', okRows: 2 });
    expect(await countRows(t.db, 'files', ['id', file.id])).toBe(0);
    expect(await countRows(t.db, 'file_chunks', ['storage_key', file.storage_key])).toBe(0);
  });

  it('refuses a file the import purpose does not take, and an empty one as before', async () => {
    const team = await makeTeam(t.app, t.db);
    const before = await countRows(t.db, 'files');
    const pdf = await uploadImport(team.repA, 'customers', '客户.pdf', '%PDF-1.4', 'application/octet-stream');
    expect(pdf.status).toBe(415);
    expect(pdf.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const empty = await uploadImport(team.repA, 'customers', 'empty.csv', '');
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('IMPORT_EMPTY');
    const unreadable = await uploadImport(team.repA, 'customers', 'x.xlsx', 'PK\u0003\u0004 not a workbook', 'application/octet-stream');
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.error.code).toBe('IMPORT_UNREADABLE');
    expect(await countRows(t.db, 'files')).toBe(before);
  });
});
