import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin, countRows, makeClient, makeCustomer, makeUser, TEST_PASSWORD, uniq } from '../../test/factories.js';
import { call, login, startTestApp, type TestApp } from '../../test/test-app.js';

const MINUTE = 60_000;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('session lifetime (SESSION_IDLE_MINUTES = 120, SESSION_ABSOLUTE_HOURS = 72)', () => {
  it('ends a session left idle for 120 minutes with 401 SESSION_EXPIRED', async () => {
    const client = await makeClient(t.app, t.db);
    t.clock.advance(119 * MINUTE);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    t.clock.advance(120 * MINUTE);
    const res = await client.get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('keeps a session alive while it is used', async () => {
    const client = await makeClient(t.app, t.db);
    for (let i = 0; i < 5; i++) {
      t.clock.advance(100 * MINUTE);
      expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    }
  });

  it('ends even a busy session 72 hours after sign-in', async () => {
    const client = await makeClient(t.app, t.db);
    let elapsed = 0;
    while (elapsed + 100 * MINUTE < 72 * 60 * MINUTE) {
      t.clock.advance(100 * MINUTE);
      elapsed += 100 * MINUTE;
      expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    }
    t.clock.advance(72 * 60 * MINUTE - elapsed);
    const res = await client.get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('ends the session on logout and clears the cookies', async () => {
    const client = await makeClient(t.app, t.db);
    const out = await call(t.app, 'POST', '/api/v1/auth/logout', { headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken } });
    expect(out.status).toBe(200);
    expect(out.cookies?.find((c) => c.name === 'crm_session')?.value).toBe('');
    expect(await countRows(t.db, 'sessions', ['user_id', client.userId])).toBe(0);
    const after = await client.get('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('ends only the session that logs out, not the same user’s other sessions', async () => {
    const user = await makeUser(t.db);
    const laptop = await login(t.app, user.username, TEST_PASSWORD);
    const phone = await login(t.app, user.username, TEST_PASSWORD);
    expect((await laptop.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe('CSRF protection on cookie-authenticated writes', () => {
  const writes = (customerId: string, version: number) => [
    { method: 'POST' as const, url: '/api/v1/customers', body: { name: uniq('csrf') } },
    { method: 'PATCH' as const, url: `/api/v1/customers/${customerId}`, body: { version, name: uniq('csrf') } },
    { method: 'DELETE' as const, url: `/api/v1/customers/${customerId}`, body: undefined },
    { method: 'PUT' as const, url: '/api/v1/auth/me/preferences', body: { locale: 'en' } },
  ];

  it('refuses POST, PATCH, PUT and DELETE without an X-CSRF-Token with 403 CSRF, and writes nothing', async () => {
    const client = await makeClient(t.app, t.db);
    const customer = await makeCustomer(client);
    const before = await countRows(t.db, 'customers', ['owner_id', client.userId]);
    const history = await countRows(t.db, 'record_history', ['actor_id', client.userId]);
    for (const w of writes(customer.id, customer.version)) {
      const res = await call(t.app, w.method, w.url, { body: w.body, headers: { cookie: client.cookie } });
      expect(res.status, `${w.method} ${w.url}`).toBe(403);
      expect(res.body.error.code).toBe('CSRF');
    }
    expect(await countRows(t.db, 'customers', ['owner_id', client.userId])).toBe(before);
    expect(await countRows(t.db, 'record_history', ['actor_id', client.userId])).toBe(history);
    const still = await client.get(`/api/v1/customers/${customer.id}`);
    expect(still.body).toMatchObject({ name: customer.name, version: 1 });
    expect((await client.get('/api/v1/auth/me')).body.locale).toBe('zh-CN');
  });

  it('refuses a wrong or another session’s token just the same', async () => {
    const client = await makeClient(t.app, t.db);
    const other = await makeClient(t.app, t.db);
    for (const token of ['wrong', other.csrfToken, '']) {
      const res = await call(t.app, 'POST', '/api/v1/customers', {
        body: { name: uniq('csrf') },
        headers: { cookie: client.cookie, 'x-csrf-token': token },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF');
    }
    expect(await countRows(t.db, 'customers', ['owner_id', client.userId])).toBe(0);
  });

  it('lets reads through without the header', async () => {
    const client = await makeClient(t.app, t.db);
    const res = await call(t.app, 'GET', '/api/v1/customers', { headers: { cookie: client.cookie } });
    expect(res.status).toBe(200);
  });
});

describe('changing one’s password', () => {
  it('requires the current password (422 WRONG_PASSWORD) and changes nothing without it', async () => {
    const client = await makeClient(t.app, t.db);
    const res = await client.post('/api/v1/auth/password', { currentPassword: 'NotMine123', newPassword: 'Brand9new' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('WRONG_PASSWORD');
    expect((await attemptLogin(t.app, { username: client.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('enforces the password policy: 8+ characters with letters and digits', async () => {
    const client = await makeClient(t.app, t.db);
    for (const weak of ['short1', 'lettersonly', '1234567890', 'x'.repeat(129) + '1']) {
      const res = await client.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: weak });
      expect(res.status, weak).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(res.body.error.fields).toHaveProperty('newPassword');
    }
    expect((await attemptLogin(t.app, { username: client.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('switches to the new password and ends the user’s other sessions, keeping the current one', async () => {
    const user = await makeUser(t.db);
    const current = await login(t.app, user.username, TEST_PASSWORD);
    const elsewhere = await login(t.app, user.username, TEST_PASSWORD);
    const res = await current.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand9new' });
    expect(res.status).toBe(200);
    expect((await current.get('/api/v1/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).status).toBe(401);
    expect((await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD })).status).toBe(401);
    expect((await attemptLogin(t.app, { username: user.username, password: 'Brand9new' })).status).toBe(200);
  });
});
