import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownId } from '../../test/factories.js';
import { call } from '../../test/test-app.js';
import { startSweep } from '../../test/write-routes.js';

/**
 * Bad ids and bad list queries on every endpoint: a 4xx with a code, never a 500, nothing written.
 */
let s: Awaited<ReturnType<typeof startSweep>>;
beforeAll(async () => {
  s = await startSweep();
});
afterAll(() => s.t.close());

describe('bad record ids', () => {
  it('answers 404 for a well-formed id that exists nowhere, writing nothing', async () => {
    for (const route of s.routes.filter((r) => r.id)) {
      await s.expectRefused(route, 'unknown id', { id: unknownId(), body: route.body }, { status: 404, code: 'NOT_FOUND' });
    }
  });

  it('answers 400 for an id that is not a UUID', async () => {
    for (const route of s.routes.filter((r) => r.id)) {
      for (const id of ['123', 'not-a-uuid', "1' OR '1'='1", `${route.id}x`]) {
        await s.expectRefused(route, `id ${id}`, { id: encodeURIComponent(id), body: route.body }, { status: 400 });
      }
    }
  });

  it('answers the same for DELETE and restore', async () => {
    const paths = ['/customers/:id', '/contacts/:id', '/departments/:id', '/roles/:id', '/picklists/values/:id', '/api-tokens/:id'];
    for (const path of [...paths, '/recycle-bin/customer/:id/restore', '/recycle-bin/contact/:id/restore']) {
      const method = path.endsWith('restore') ? 'POST' : 'DELETE';
      const before = await s.historyCount();
      const unknown = await s.admin.request(method, `/api/v1${path.replace(':id', unknownId())}`);
      const malformed = await s.admin.request(method, `/api/v1${path.replace(':id', 'not-a-uuid')}`);
      expect(unknown.status, `${method} ${path}`).toBe(404);
      expect(malformed.status, `${method} ${path}`).toBe(400);
      expect(unknown.body.error.code).toEqual(expect.any(String));
      expect(await s.historyCount()).toEqual(before);
    }
    expect((await s.admin.post(`/api/v1/recycle-bin/spaceship/${unknownId()}/restore`)).status).toBe(404);
  });
});

describe('bad list queries', () => {
  const lists = ['/customers', '/contacts', '/users', '/recycle-bin'];
  const badQueries = [
    'page=0',
    'page=-1',
    'page=abc',
    'page=1.5',
    'pageSize=0',
    'pageSize=201',
    'pageSize=1000',
    "sort=';drop table users",
    'sort=name;drop',
    `q=${'x'.repeat(101)}`,
    'page=1&page=2',
  ];

  it('answers 400 VALIDATION for out-of-range paging, odd sorts and oversized searches', async () => {
    for (const list of lists) {
      for (const query of badQueries) {
        const res = await s.admin.get(`/api/v1${list}?${query}`);
        expect(res.status, `${list}?${query}`).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION');
      }
    }
  });

  it('answers 400 for filters of the wrong shape', async () => {
    for (const url of [
      '/customers?ownerId=me',
      '/customers?isKey=yes',
      '/customers?customerType=vip',
      `/customers?industry=${'x'.repeat(2001)}`,
      '/contacts?customerId=123',
      '/users?active=maybe',
      '/users?departmentId=x',
      '/picklists?list=colours',
      '/picklists?includeInactive=1',
      `/users/options?q=${'x'.repeat(51)}`,
    ]) {
      const res = await s.admin.get(`/api/v1${url}`);
      expect(res.status, url).toBe(400);
    }
  });

  it('treats a NUL character in a search as bad input, not a server error', async () => {
    for (const list of [...lists, '/users/options']) {
      const res = await s.admin.get(`/api/v1${list}?q=a%00b`);
      expect(res.status, list).toBe(400);
    }
  });
});

describe('every write route in the API document, including ones added later', () => {
  it('answers malformed JSON, a non-object body and a non-UUID id with a 4xx error, never a 500', async () => {
    const doc = (await call(s.t.app, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const params: Record<string, string> = { list: 'industry', entity: 'customer', plural: 'customers' };
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      ['post', 'put', 'patch', 'delete']
        .filter((m) => item[m])
        .map((m) => ({ path, method: m.toUpperCase(), hasBody: !!item[m].requestBody })),
    );
    expect(ops.length).toBeGreaterThan(25);
    const before = await s.historyCount();
    for (const op of ops) {
      const url = (id: string) => op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? id);
      const attempts = [
        { what: 'malformed JSON', url: url(unknownId()), rawBody: '{"broken": ' },
        ...(op.hasBody ? [{ what: 'an array body', url: url(unknownId()), rawBody: '[]' }] : []),
        ...(op.path.includes('{id}') ? [{ what: 'a non-UUID id', url: url('not-a-uuid'), rawBody: op.hasBody ? '{}' : undefined }] : []),
      ];
      for (const a of attempts) {
        const res = await call(s.t.app, op.method as 'POST', a.url, {
          rawBody: a.rawBody,
          headers: { cookie: s.admin.cookie, 'x-csrf-token': s.admin.csrfToken },
        });
        const what = `${op.method} ${a.url} with ${a.what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        expect(res.status, what).toBeGreaterThanOrEqual(400);
        expect(res.status, what).toBeLessThan(500);
        expect(res.body?.error?.code, what).toEqual(expect.any(String));
      }
    }
    expect(await s.historyCount()).toEqual(before);
  });
});
