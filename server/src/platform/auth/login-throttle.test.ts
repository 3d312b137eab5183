import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin, makeUser, TEST_PASSWORD, uniq, uniqIp } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const MINUTE = 60_000;

describe('account lockout (LOGIN_MAX_FAILURES = 5, LOGIN_LOCK_MINUTES = 15)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  // Each failure from a different address: the lock is on the account, not on where the attempts came from.
  const fail = (username: string, times: number) =>
    Promise.all(Array.from({ length: times }, () => attemptLogin(t.app, { username, password: 'Wrong1234' }, { ip: uniqIp() })));

  it('locks an account for 15 minutes after 5 failed sign-ins, even against the right password', async () => {
    const user = await makeUser(t.db);
    const failures = await fail(user.username, 4);
    expect(failures.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    const fifth = await attemptLogin(t.app, { username: user.username, password: 'Wrong1234' }, { ip: uniqIp() });
    expect(fifth.status).toBe(401);

    const locked = await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD }, { ip: uniqIp(), locale: 'en' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.error.message).toBe('Too many failed sign-ins, try again in 15 minutes');
    expect(locked.cookies?.map((c) => c.name)).not.toContain('crm_session');
  });

  it('counts the minutes down and lets the user in once the lock has run out', async () => {
    const user = await makeUser(t.db);
    await fail(user.username, 5);
    t.clock.advance(14 * MINUTE);
    const stillLocked = await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD }, { locale: 'en' });
    expect(stillLocked.status).toBe(429);
    expect(stillLocked.body.error.message).toContain('1 minutes');

    t.clock.advance(MINUTE);
    const ok = await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
  });

  it('starts counting afresh after a successful sign-in', async () => {
    const user = await makeUser(t.db);
    await fail(user.username, 4);
    expect((await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD })).status).toBe(200);
    await fail(user.username, 4);
    expect((await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('forgets failures older than the lock window', async () => {
    const user = await makeUser(t.db);
    await fail(user.username, 4);
    t.clock.advance(16 * MINUTE);
    await fail(user.username, 4);
    expect((await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('locks only the attacked account, whatever the letter case of the attempts', async () => {
    const victim = await makeUser(t.db);
    const bystander = await makeUser(t.db);
    await fail(victim.username.toUpperCase(), 5);
    expect((await attemptLogin(t.app, { username: victim.username, password: TEST_PASSWORD })).status).toBe(429);
    expect((await attemptLogin(t.app, { username: bystander.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('locks a username that does not exist the same way, so lockouts do not reveal which accounts exist', async () => {
    const ghost = uniq('ghost');
    await fail(ghost, 5);
    const res = await attemptLogin(t.app, { username: ghost, password: 'Wrong1234' }, { ip: uniqIp() });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('ACCOUNT_LOCKED');
  });
});

describe('per-address throttling (LOGIN_MAX_FAILURES_PER_IP = 3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: 3 });
  });
  afterAll(() => t.close());

  it('blocks an address that fails 3 times across different usernames, for every account', async () => {
    const ip = uniqIp();
    const user = await makeUser(t.db);
    for (const name of [uniq('a'), uniq('b'), uniq('c')]) {
      expect((await attemptLogin(t.app, { username: name, password: 'Wrong1234' }, { ip })).status).toBe(401);
    }
    const blocked = await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD }, { ip });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('ACCOUNT_LOCKED');
    // The same user from another address is not affected: the account itself had no failures.
    expect((await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD }, { ip: uniqIp() })).status).toBe(200);
  });

  it('unblocks the address after LOGIN_LOCK_MINUTES', async () => {
    const ip = uniqIp();
    const user = await makeUser(t.db);
    for (const name of [uniq('a'), uniq('b'), uniq('c')]) await attemptLogin(t.app, { username: name, password: 'Wrong1234' }, { ip });
    expect((await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD }, { ip })).status).toBe(429);
    t.clock.advance(15 * MINUTE);
    expect((await attemptLogin(t.app, { username: user.username, password: TEST_PASSWORD }, { ip })).status).toBe(200);
  });
});
