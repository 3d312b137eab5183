import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptLogin,
  countRows,
  makeAdmin,
  makeCustomer,
  makeRep,
  makeTeam,
  makeUser,
  TEST_PASSWORD,
  uniq,
  unknownId,
} from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: uniq('new.user'),
  displayName: '新同事',
  password: 'Welcome123',
  roles: ['rep'],
  ...overrides,
});

async function deactivate(admin: Client, userId: string) {
  const current = await admin.get(`/api/v1/users/${userId}`);
  return admin.patch(`/api/v1/users/${userId}`, { version: current.body.version, active: false });
}

describe('user administration', () => {
  it('creates a user who can sign in with the given password and roles', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const { departments } = await makeTeam(t.app, t.db);
    const body = newUser({ roles: ['manager'], departmentId: departments.east, email: 'li@example.com' });
    const res = await admin.post('/api/v1/users', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: body.username, roles: ['manager'], departmentId: departments.east, active: true });
    expect(res.body).not.toHaveProperty('password');
    const signedIn = await attemptLogin(t.app, { username: body.username, password: 'Welcome123' });
    expect(signedIn.body.me).toMatchObject({ roles: ['manager'], scope: 'department' });
  });

  it('refuses a username already taken in any letter case (400 fields.username)', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const existing = await makeUser(t.db);
    const before = await countRows(t.db, 'users');
    const res = await admin.post('/api/v1/users', newUser({ username: existing.username.toUpperCase() }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('username');
    expect(await countRows(t.db, 'users')).toBe(before);
  });

  it('refuses a weak password (400 fields.password)', async () => {
    const admin = await makeAdmin(t.app, t.db);
    for (const password of ['short1', 'onlyletters', '12345678']) {
      const res = await admin.request('POST', '/api/v1/users', newUser({ password }), { 'x-locale': 'en' });
      expect(res.status, password).toBe(400);
      expect(res.body.error.fields).toEqual({ password: 'At least 8 characters with letters and digits' });
    }
  });

  it('refuses unknown roles and unknown departments with 400 on that field, creating nobody', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const before = await countRows(t.db, 'users');
    const roles = await admin.post('/api/v1/users', newUser({ roles: ['rep', 'emperor'] }));
    expect(roles.status).toBe(400);
    expect(roles.body.error.fields).toHaveProperty('roles');
    const dept = await admin.post('/api/v1/users', newUser({ departmentId: unknownId() }));
    expect(dept.status).toBe(400);
    expect(dept.body.error.fields).toHaveProperty('departmentId');
    expect(await countRows(t.db, 'users')).toBe(before);
  });

  it('is reserved to administrators: a director may look, not create or change (403)', async () => {
    const { director, repA } = await makeTeam(t.app, t.db);
    expect((await director.get('/api/v1/users')).status).toBe(200);
    expect((await director.post('/api/v1/users', newUser())).status).toBe(403);
    expect((await director.patch(`/api/v1/users/${repA.userId}`, { version: 1, displayName: 'x' })).status).toBe(403);
    expect((await repA.get('/api/v1/users')).status).toBe(403);
    expect((await repA.post(`/api/v1/users/${repA.userId}/reset-password`, { password: 'Takeover99' })).status).toBe(403);
  });

  it('changes roles and records the change in history', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const user = await makeUser(t.db);
    const res = await admin.patch(`/api/v1/users/${user.id}`, { version: 1, roles: ['manager', 'finance'] });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['finance', 'manager']);
    const rows = await t.db
      .selectFrom('record_history')
      .selectAll()
      .where('record_id', '=', user.id)
      .where('field', '=', 'roles')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].new_value).toEqual(['manager', 'finance']);
  });
});

describe('deactivating a user', () => {
  it('ends their sessions at once, and sign-in then says the account is deactivated', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const repA = await makeRep(t.app, t.db);
    expect((await deactivate(admin, repA.userId)).status).toBe(200);
    expect((await repA.get('/api/v1/customers')).status).toBe(401);
    expect(await countRows(t.db, 'sessions', ['user_id', repA.userId])).toBe(0);
    const res = await attemptLogin(t.app, { username: repA.username, password: TEST_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ACCOUNT_INACTIVE');
  });

  it('keeps their records with them as owner', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    await deactivate(admin, team.repA.userId);
    expect((await team.eastManager.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({
      ownerId: team.repA.userId,
      ownerName: team.repA.username,
    });
  });

  it('does not let an administrator deactivate himself', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const res = await deactivate(admin, admin.userId);
    expect(res.status).toBe(422);
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('resets a password, signs the user out and records it as one change: a failure leaves all three undone', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const repA = await makeRep(t.app, t.db);
    // Fault injection: the history entry cannot be written.
    await sql
      .raw(`CREATE FUNCTION fail_history() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected failure' USING ERRCODE = 'check_violation'; END $$`)
      .execute(t.db);
    await sql
      .raw(`CREATE TRIGGER fail_history BEFORE INSERT ON record_history
        FOR EACH ROW WHEN (NEW.record_id = '${repA.userId}') EXECUTE FUNCTION fail_history()`)
      .execute(t.db);
    try {
      const res = await admin.post(`/api/v1/users/${repA.userId}/reset-password`, { password: 'Reset12345' });
      expect(res.status).toBeGreaterThanOrEqual(400);
    } finally {
      await sql.raw('DROP TRIGGER fail_history ON record_history').execute(t.db);
      await sql.raw('DROP FUNCTION fail_history()').execute(t.db);
    }
    expect((await repA.get('/api/v1/auth/me')).status).toBe(200);
    expect((await attemptLogin(t.app, { username: repA.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('ends all sessions of a user whose password an administrator resets', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const repA = await makeRep(t.app, t.db);
    expect((await admin.post(`/api/v1/users/${repA.userId}/reset-password`, { password: 'Reset12345' })).status).toBe(200);
    expect((await repA.get('/api/v1/auth/me')).status).toBe(401);
    expect((await attemptLogin(t.app, { username: repA.username, password: 'Reset12345' })).status).toBe(200);
  });
});
