import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { testConfig } from '../config.js';
import { totpCode } from '../platform/auth/totp.js';
import { FixedClock } from '../platform/clock.js';
import { attemptLogin, makeAdmin, makeClient, makeRep, TEST_PASSWORD, uniq, uniqIp } from '../test/factories.js';
import { call, type Client, login, tokenClient } from '../test/test-app.js';
import { openTestDatabase } from '../test/test-database.js';

/**
 * P6 limits on who gets in and how often: the per-token request budget (shared by two servers on one
 * database), sign-in lockout with Retry-After, sign out everywhere, and TOTP required per role.
 * Idle / absolute session timeouts and "a password change ends the other sessions" are specified in
 * platform/auth/sessions.test.ts.
 */
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let filesDir: string;
const clock = new FixedClock(new Date('2026-12-07T02:00:10Z'));
let one: FastifyInstance;
let two: FastifyInstance;
let admin: Client;

beforeAll(async () => {
  database = await openTestDatabase();
  filesDir = mkdtempSync(join(tmpdir(), 'crm-files-'));
  // Two servers on one database, as behind a load balancer.
  const config = testConfig({ WEB_DIST: '/nonexistent', FILES_DIR: filesDir, API_TOKEN_REQUESTS_PER_MINUTE: 4 });
  [one, two] = await Promise.all([buildApp({ database, config, clock }), buildApp({ database, config, clock })]);
  await Promise.all([one.ready(), two.ready()]);
  admin = await makeAdmin(one, database.db);
});
afterAll(async () => {
  await Promise.all([one.close(), two.close()]);
  await database.drop();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('the request budget of an API token (API_TOKEN_REQUESTS_PER_MINUTE = 4)', () => {
  it('answers 429 with Retry-After and a translated message past the budget, counted across both servers', async () => {
    const rep = await makeRep(one, database.db);
    const token = (await rep.post('/api/v1/api-tokens', { name: 'ERP' })).body.token as string;
    const [a, b] = [tokenClient(one, token), tokenClient(two, token)];
    for (const client of [a, b, a, b]) expect((await client.get('/api/v1/customers')).status).toBe(200);

    const refused = await call(two, 'GET', '/api/v1/customers', { headers: { authorization: `Bearer ${token}`, 'x-locale': 'en' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('TOKEN_RATE_LIMITED');
    expect(refused.body.error.message).toBe('Too many requests with this API token, try again in 50 seconds');
    expect(refused.headers['retry-after']).toBe('50');
    const zh = await call(one, 'GET', '/api/v1/customers', { headers: { authorization: `Bearer ${token}` } });
    expect(zh.body.error.message).toBe('这个 API 令牌请求太频繁，请 50 秒后再试');

    // Another token of the same user has its own budget; the next minute opens a fresh one.
    const other = (await rep.post('/api/v1/api-tokens', { name: 'BI' })).body.token as string;
    expect((await tokenClient(one, other).get('/api/v1/customers')).status).toBe(200);
    clock.advance(50_000);
    expect((await a.get('/api/v1/customers')).status).toBe(200);
    // Sessions in the browser are not counted against any token.
    for (let i = 0; i < 6; i++) expect((await rep.get('/api/v1/customers')).status).toBe(200);
  });
});

describe('sign-in throttling (platform/auth/login-throttle)', () => {
  it('locks the account after LOGIN_MAX_FAILURES wrong passwords: 429 with Retry-After, even for the right password', async () => {
    const user = await makeClient(one, database.db);
    const ip = uniqIp();
    for (let i = 0; i < 5; i++)
      expect((await attemptLogin(one, { username: user.username, password: 'Wrong1234' }, { ip })).status).toBe(401);
    const locked = await attemptLogin(one, { username: user.username, password: TEST_PASSWORD }, { ip, locale: 'en' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
  });
});

describe('sign out everywhere', () => {
  it('ends every session of the user, on every server, and leaves other users and API tokens alone', async () => {
    const user = await makeClient(one, database.db);
    const phone = await login(two, user.username, TEST_PASSWORD);
    const token = (await user.post('/api/v1/api-tokens', { name: 'sync' })).body.token as string;
    const colleague = await makeClient(one, database.db);

    const out = await phone.post('/api/v1/auth/logout-all');
    expect(out.status).toBe(200);
    for (const c of [user, phone]) expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    expect((await colleague.get('/api/v1/auth/me')).status).toBe(200);
    expect((await tokenClient(one, token).get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe('two-step sign-in required per role', () => {
  it('keeps a member of such a role in his own account until he turns TOTP on, then asks for the code at sign-in', async () => {
    const role = await admin.post('/api/v1/roles', {
      key: uniq('fin_'),
      name: '出纳',
      dataScope: 'own',
      permissions: ['customers:view'],
      requireTotp: true,
    });
    expect(role.body.requireTotp).toBe(true);
    const user = await makeClient(one, database.db, { role: role.body.key });

    const me = await user.get('/api/v1/auth/me');
    expect(me.body.totpRequiredByRole).toBe(true);
    const blocked = await user.request('GET', '/api/v1/customers', undefined, { 'x-locale': 'en' });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('TOTP_SETUP_REQUIRED');
    expect(blocked.body.error.message).toBe('Your role requires two-step sign-in: turn it on in your profile first');

    const setup = await user.post('/api/v1/auth/totp/setup');
    expect((await user.post('/api/v1/auth/totp/enable', { code: totpCode(setup.body.secret, clock.now()) })).status).toBe(200);
    expect((await user.get('/api/v1/customers')).status).toBe(200);
    const again = await attemptLogin(one, { username: user.username, password: TEST_PASSWORD });
    expect(again.body.totpRequired).toBe(true);
  });

  it('lets the admin require it of administrators too, and of no one else', async () => {
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string; version: number }[];
    const adminRole = roles.find((r) => r.key === 'admin');
    const res = await admin.patch(`/api/v1/roles/${adminRole?.id}`, { version: adminRole?.version, requireTotp: true });
    expect(res.status).toBe(200);
    expect(res.body.requireTotp).toBe(true);
    expect((await admin.get('/api/v1/customers')).body.error.code).toBe('TOTP_SETUP_REQUIRED');
    const rep = await makeRep(one, database.db);
    expect((await rep.get('/api/v1/customers')).status).toBe(200);
  });
});
