import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin, countRows, makeAdmin, makeClient, makeUser, TEST_PASSWORD, uniqIp } from '../../test/factories.js';
import { call, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const cookieNames = (res: { cookies?: { name: string }[] }) => (res.cookies ?? []).map((c) => c.name);

describe('signing in', () => {
  it('signs in with the right password: an httpOnly session cookie, a readable CSRF cookie and who I am', async () => {
    const user = await makeUser(t.db, { role: 'rep' });
    const res = await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.totpRequired).toBe(false);
    expect(res.body.me).toMatchObject({ id: user.id, username: user.username, roles: ['rep'], scope: 'own' });
    const session = res.cookies?.find((c) => c.name === 'crm_session');
    const csrf = res.cookies?.find((c) => c.name === 'crm_csrf');
    expect(session?.httpOnly).toBe(true);
    expect(csrf?.httpOnly).toBeFalsy();
    expect(res.body.me.csrfToken).toBe(csrf?.value);
    // Only a hash of the cookie is stored.
    expect(await countRows(t.db, 'sessions', ['id', session?.value])).toBe(0);
    expect(await countRows(t.db, 'sessions', ['user_id', user.id])).toBe(1);
  });

  it('accepts the username in any letter case', async () => {
    const user = await makeUser(t.db, { username: `Mixed${Date.now()}` });
    const res = await attemptLogin(t.app, { username: user.username.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.me.id).toBe(user.id);
  });

  it('answers 401 INVALID_CREDENTIALS for a wrong password, and sets no cookie', async () => {
    const user = await makeUser(t.db);
    const res = await attemptLogin(t.app, { username: user.username, password: 'Wrong1234' }, { ip: uniqIp() });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(cookieNames(res)).not.toContain('crm_session');
  });

  it('gives an unknown username exactly the same answer as a wrong password', async () => {
    const user = await makeUser(t.db);
    const wrongPassword = await attemptLogin(t.app, { username: user.username, password: 'Wrong1234' }, { ip: uniqIp() });
    const unknownUser = await attemptLogin(t.app, { username: `nobody${Date.now()}`, password: 'Wrong1234' }, { ip: uniqIp() });
    expect(unknownUser.status).toBe(wrongPassword.status);
    expect(unknownUser.body).toEqual(wrongPassword.body);
  });

  it('refuses a deactivated user with 403 ACCOUNT_INACTIVE, but only once the password is right', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const user = await makeUser(t.db);
    const current = await admin.get(`/api/v1/users/${user.id}`);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { version: current.body.version, active: false })).status).toBe(200);

    const right = await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD });
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe('ACCOUNT_INACTIVE');
    expect(cookieNames(right)).not.toContain('crm_session');
    // A wrong password does not reveal that the account exists but is deactivated.
    const wrong = await attemptLogin(t.app, { username: user.username, password: 'Wrong1234' }, { ip: uniqIp() });
    expect(wrong.status).toBe(401);
  });

  it('refuses an API call without a session with 401 UNAUTHENTICATED', async () => {
    const res = await call(t.app, 'GET', '/api/v1/customers');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('messages in the caller’s language', () => {
  it('answers in English, traditional or simplified Chinese by X-Locale, simplified Chinese by default', async () => {
    const user = await makeUser(t.db);
    const attempt = (locale?: string) => attemptLogin(t.app, { username: user.username, password: 'Wrong1234' }, { ip: uniqIp(), locale });
    expect((await attempt('en')).body.error.message).toBe('Wrong username or password');
    expect((await attempt('zh-TW')).body.error.message).toBe('使用者名稱或密碼不正確');
    expect((await attempt()).body.error.message).toBe('用户名或密码不正确');
  });

  it('falls back to Accept-Language when there is no X-Locale', async () => {
    const res = await call(t.app, 'GET', '/api/v1/customers', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.body.error.message).toBe('Please sign in');
  });

  it('translates field errors too', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const res = await admin.request('POST', '/api/v1/customers', { name: '' }, { 'x-locale': 'en' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', message: 'Some fields are invalid', fields: { name: 'Required' } });
  });

  it("uses a signed-in user's saved language unless the request names one", async () => {
    const client = await makeClient(t.app, t.db, { role: 'rep' });
    expect((await client.request('PUT', '/api/v1/auth/me/preferences', { locale: 'en' })).status).toBe(200);
    const missing = '/api/v1/customers/00000000-0000-4000-8000-000000000000';
    expect((await client.get(missing)).body.error.message).toBe('Not found, or not visible to you');
    expect((await client.request('GET', missing, undefined, { 'x-locale': 'zh-TW' })).body.error.message).toBe('記錄不存在或您無權查看');
  });
});
