import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin, makeClient, TEST_PASSWORD, uniqIp } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { totpCode } from './totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A signed-in user who has turned on two-step sign-in; returns the shared secret. */
async function withTotp(): Promise<{ client: Client & { username: string }; secret: string }> {
  const client = await makeClient(t.app, t.db);
  const setup = await client.post('/api/v1/auth/totp/setup');
  expect(setup.status).toBe(200);
  expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);
  const enabled = await client.post('/api/v1/auth/totp/enable', { code: totpCode(setup.body.secret, t.clock.now()) });
  expect(enabled.status).toBe(200);
  return { client, secret: setup.body.secret };
}

describe('two-step sign-in (TOTP)', () => {
  it('turns on only with a valid code from the authenticator', async () => {
    const client = await makeClient(t.app, t.db);
    const setup = await client.post('/api/v1/auth/totp/setup');
    const wrong = await client.post('/api/v1/auth/totp/enable', {
      code: '000000' === totpCode(setup.body.secret, t.clock.now()) ? '111111' : '000000',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('TOTP_INVALID');
    expect((await client.get('/api/v1/auth/me')).body.totpEnabled).toBe(false);
    expect((await client.post('/api/v1/auth/totp/enable', { code: totpCode(setup.body.secret, t.clock.now()) })).status).toBe(200);
    expect((await client.get('/api/v1/auth/me')).body.totpEnabled).toBe(true);
  });

  it('asks for the code after a correct password, without starting a session', async () => {
    const { client } = await withTotp();
    const res = await attemptLogin(t.app, { username: client.username, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ totpRequired: true });
    expect(res.cookies?.map((c) => c.name)).not.toContain('crm_session');
  });

  it('refuses a wrong code with 401 TOTP_INVALID', async () => {
    const { client, secret } = await withTotp();
    const good = totpCode(secret, t.clock.now());
    const wrong = good === '123456' ? '654321' : '123456';
    const res = await attemptLogin(t.app, { username: client.username, password: TEST_PASSWORD, totpCode: wrong }, { ip: uniqIp() });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOTP_INVALID');
    expect(res.cookies?.map((c) => c.name)).not.toContain('crm_session');
  });

  it('signs in with the password and the current code', async () => {
    const { client, secret } = await withTotp();
    const res = await attemptLogin(t.app, {
      username: client.username,
      password: TEST_PASSWORD,
      totpCode: totpCode(secret, t.clock.now()),
    });
    expect(res.status).toBe(200);
    expect(res.body.me.totpEnabled).toBe(true);
    expect(res.cookies?.map((c) => c.name)).toContain('crm_session');
  });

  it('accepts a code one step old, for phones whose clock drifts, but not one from minutes ago', async () => {
    const { client, secret } = await withTotp();
    const now = t.clock.now().getTime();
    const previous = totpCode(secret, new Date(now - 30_000));
    const stale = totpCode(secret, new Date(now - 5 * 60_000));
    expect((await attemptLogin(t.app, { username: client.username, password: TEST_PASSWORD, totpCode: previous })).status).toBe(200);
    expect(
      (await attemptLogin(t.app, { username: client.username, password: TEST_PASSWORD, totpCode: stale }, { ip: uniqIp() })).status,
    ).toBe(401);
  });

  it('counts wrong codes towards the account lockout', async () => {
    const { client, secret } = await withTotp();
    const wrong = totpCode(secret, new Date(t.clock.now().getTime() + 10 * 60_000));
    for (let i = 0; i < 5; i++) {
      await attemptLogin(t.app, { username: client.username, password: TEST_PASSWORD, totpCode: wrong }, { ip: uniqIp() });
    }
    const res = await attemptLogin(t.app, {
      username: client.username,
      password: TEST_PASSWORD,
      totpCode: totpCode(secret, t.clock.now()),
    });
    expect(res.status).toBe(429);
  });

  it('turns off only with a valid code', async () => {
    const { client, secret } = await withTotp();
    expect((await client.post('/api/v1/auth/totp/disable', { code: '12345' })).status).toBe(400);
    expect((await client.get('/api/v1/auth/me')).body.totpEnabled).toBe(true);
    expect((await client.post('/api/v1/auth/totp/disable', { code: totpCode(secret, t.clock.now()) })).status).toBe(200);
    expect((await attemptLogin(t.app, { username: client.username, password: TEST_PASSWORD })).body.totpRequired).toBe(false);
  });

  it('does not let a new setup quietly switch off two-step sign-in that is on', async () => {
    const { client } = await withTotp();
    const res = await client.post('/api/v1/auth/totp/setup');
    expect(res.status).toBe(409);
    expect((await client.get('/api/v1/auth/me')).body.totpEnabled).toBe(true);
    expect((await attemptLogin(t.app, { username: client.username, password: TEST_PASSWORD })).body).toEqual({ totpRequired: true });
  });
});
