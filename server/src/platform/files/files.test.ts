import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, makeCustomer, makeTeam } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { registerFilePurpose } from './file-purposes.js';
import { fileStorageDir } from './file-storage.js';

registerFilePurpose({
  purpose: 'test_scan',
  types: ['application/pdf', 'image/png', 'text/plain'],
  extensions: ['pdf', 'png', 'txt'],
  maxBytes: 2 * 1024 * 1024,
});
// No limit of its own: FILE_MAX_BYTES applies.
registerFilePurpose({ purpose: 'test_note', types: ['text/plain'], extensions: ['txt'] });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each([
  ['local', {}],
  ['database', { FILE_STORE: 'database' as const }],
])('platform files, %s store', (kind, overrides) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...overrides, FILE_MAX_BYTES: 4096 });
  });
  afterAll(() => t.close());

  function upload(
    client: Client,
    owner: { entity?: string; id: string },
    name: string,
    data: Buffer | Readable,
    type = 'application/pdf',
    extra: { purpose?: string; locale?: string } = {},
  ) {
    const q = new URLSearchParams({
      ownerEntity: owner.entity ?? 'customer',
      ownerId: owner.id,
      purpose: extra.purpose ?? 'test_scan',
      name,
    });
    const headers: Record<string, string> = { 'content-type': type };
    if (extra.locale) headers['x-locale'] = extra.locale;
    return client.request('POST', `/api/v1/files?${q}`, data, headers);
  }

  async function download(client: Client, id: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content`, headers: { cookie: client.cookie } });
    return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers };
  }

  const list = (client: Client, customerId: string) => client.get(`/api/v1/files?ownerEntity=customer&ownerId=${customerId}`);

  /** Nothing of a refused upload is kept: no row, no bytes, no half-written file. */
  async function storedBytes() {
    if (kind === 'database') return countRows(t.db, 'file_chunks');
    const dir = fileStorageDir(t.app.ctx.config);
    if (!existsSync(dir)) return 0;
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  }

  it('uploads a file for a record, lists it, and downloads the same bytes under its UTF-8 name', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    // Over two database chunks, so the pieces must come back in order.
    const data = randomBytes(1_300_000);
    const up = await upload(team.repA, customer, '合同 扫描件.pdf', data);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({
      ownerEntity: 'customer',
      ownerId: customer.id,
      purpose: 'test_scan',
      name: '合同 扫描件.pdf',
      contentType: 'application/pdf',
      sizeBytes: data.length,
      sha256: sha256(data),
      createdBy: team.repA.userId,
    });

    const listed = await list(team.repA, customer.id);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ id: up.body.id, sizeBytes: data.length, createdByName: team.repA.username });

    const got = await download(team.repA, up.body.id);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.bytes, data)).toBe(0);
    expect(sha256(got.bytes)).toBe(up.body.sha256);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="__ ___.pdf"; filename*=UTF-8''${encodeURIComponent('合同 扫描件.pdf')}`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');

    const row = await t.db.selectFrom('files').selectAll().where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(row.store).toBe(kind);
    if (kind === 'local') expect(existsSync(join(fileStorageDir(t.app.ctx.config), row.storage_key))).toBe(true);
    else expect(await countRows(t.db, 'file_chunks', ['storage_key', row.storage_key])).toBe(3);
  });

  it('keeps only the last segment of the name, without characters a file system would refuse', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const a = await upload(team.repA, customer, 'C:\\fakepath\\报价单.pdf', Buffer.from('%PDF-1.4'));
    expect(a.body.name).toBe('报价单.pdf');
    const b = await upload(team.repA, customer, '../../etc/pass<wd>.txt', Buffer.from('x'), 'text/plain; charset=utf-8');
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ name: 'pass_wd_.txt', contentType: 'text/plain' });
  });

  it('refuses an over-size file with 413 and a translated message, keeping nothing', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const before = await storedBytes();

    // Declared by Content-Length: refused before a byte is read.
    const declared = await upload(team.repA, customer, 'big.txt', Buffer.alloc(5000, 'a'), 'text/plain', { purpose: 'test_note' });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: 'FILE_TOO_LARGE', message: '文件太大，最大 4 KB', fields: { file: '最大 4 KB' } });

    // Streamed without a length: refused as the limit is passed.
    const streamed = await upload(
      team.repA,
      customer,
      'big.txt',
      Readable.from([Buffer.alloc(3000, 'a'), Buffer.alloc(3000, 'b')]),
      'text/plain',
      {
        purpose: 'test_note',
        locale: 'en',
      },
    );
    expect(streamed.status).toBe(413);
    expect(streamed.body.error).toMatchObject({ code: 'FILE_TOO_LARGE', message: 'The file is too large; the limit is 4 KB' });

    const tw = await upload(team.repA, customer, 'big.txt', Buffer.alloc(5000, 'a'), 'text/plain', {
      purpose: 'test_note',
      locale: 'zh-TW',
    });
    expect(tw.body.error.message).toBe('檔案太大，最大 4 KB');

    expect(await countRows(t.db, 'files', ['owner_id', customer.id])).toBe(0);
    expect(await storedBytes()).toBe(before);
  });

  it('refuses a type the purpose does not accept with 415, an empty file with 422 and an unknown purpose with 400', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const before = await storedBytes();

    const exe = await upload(team.repA, customer, 'setup.exe', Buffer.from('MZ'), 'application/octet-stream');
    expect(exe.status).toBe(415);
    expect(exe.body.error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', fields: { file: '只接受 .pdf, .png, .txt' } });
    const html = await upload(team.repA, customer, 'scan.pdf', Buffer.from('<script>'), 'text/html', { locale: 'en' });
    expect(html.status).toBe(415);
    expect(html.body.error.message).toBe('This kind of file is not accepted; upload .pdf, .png, .txt');

    const empty = await upload(team.repA, customer, 'empty.pdf', Buffer.alloc(0));
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('FILE_EMPTY');

    const unknown = await upload(team.repA, customer, 'a.pdf', Buffer.from('x'), 'application/pdf', { purpose: 'no_such_purpose' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.purpose).toBeDefined();

    expect(await countRows(t.db, 'files', ['owner_id', customer.id])).toBe(0);
    expect(await storedBytes()).toBe(before);
  });

  it("checks the owning record's scope: a rep cannot reach files of another rep's customer, his manager can", async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const up = await upload(team.repA, customer, 'scan.pdf', Buffer.from('%PDF secret'));
    expect(up.status).toBe(201);

    expect((await download(team.repB, up.body.id)).status).toBe(404);
    expect((await list(team.repB, customer.id)).status).toBe(404);
    expect((await team.repB.delete(`/api/v1/files/${up.body.id}`)).status).toBe(404);
    expect((await upload(team.repB, customer, 'mine.pdf', Buffer.from('x'))).status).toBe(404);
    expect((await download(team.repSouth, up.body.id)).status).toBe(404);
    expect((await download(team.southManager, up.body.id)).status).toBe(404);

    const managed = await download(team.eastManager, up.body.id);
    expect(managed.status).toBe(200);
    expect(managed.bytes.toString()).toBe('%PDF secret');
    expect((await list(team.eastManager, customer.id)).body.items).toHaveLength(1);
    expect((await download(team.director, up.body.id)).status).toBe(200);

    // Not a registered record type: nothing to attach to.
    expect((await upload(team.repA, { entity: 'import_job', id: customer.id }, 'a.pdf', Buffer.from('x'))).status).toBe(404);
  });

  it('deletes softly: the file leaves the list and the download, its row keeps who and when', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const keep = await upload(team.repA, customer, 'keep.pdf', Buffer.from('keep'));
    const gone = await upload(team.repA, customer, 'gone.pdf', Buffer.from('gone'));

    const del = await team.repA.delete(`/api/v1/files/${gone.body.id}`);
    expect(del.status).toBe(200);
    expect((await list(team.repA, customer.id)).body.items.map((f: { id: string }) => f.id)).toEqual([keep.body.id]);
    expect((await download(team.repA, gone.body.id)).status).toBe(404);
    expect((await team.repA.delete(`/api/v1/files/${gone.body.id}`)).status).toBe(404);
    const row = await t.db
      .selectFrom('files')
      .select(['deleted_at', 'deleted_by'])
      .where('id', '=', gone.body.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expect(row.deleted_by).toBe(team.repA.userId);

    // A customer in the recycle bin takes its files out of reach until it is restored.
    expect((await team.repA.delete(`/api/v1/customers/${customer.id}`)).status).toBe(200);
    expect((await download(team.repA, keep.body.id)).status).toBe(404);
  });
});
