import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestApp, type TestApp } from './test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('service endpoints', () => {
  it('answers /healthz and /readyz with 200 without signing in', async () => {
    for (const url of ['/healthz', '/readyz']) {
      const res = await call(t.app, 'GET', url);
      expect(res.status, url).toBe(200);
      expect(res.body).toEqual({ ok: true });
    }
  });

  it('serves the API docs page without signing in', async () => {
    const res = await call(t.app, 'GET', '/api/docs/');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/html');
  });

  it('publishes an OpenAPI document describing the API', async () => {
    const res = await call(t.app, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/customers',
      '/api/v1/customers/{id}',
      '/api/v1/contacts',
      '/api/v1/users',
      '/api/v1/departments',
      '/api/v1/roles',
      '/api/v1/picklists',
      '/api/v1/api-tokens',
      '/api/v1/transfers',
      '/api/v1/recycle-bin',
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(res.body.paths['/api/v1/customers'].post.requestBody).toBeDefined();
  });

  it('answers an unknown API path with 404 ROUTE_NOT_FOUND', async () => {
    const res = await call(t.app, 'GET', '/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
