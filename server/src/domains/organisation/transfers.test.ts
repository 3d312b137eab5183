import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptLogin,
  countRows,
  historyRows,
  makeAdmin,
  makeContact,
  makeCustomer,
  makeTeam,
  TEST_PASSWORD,
  unknownId,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('handing over a leaver’s records (C10)', () => {
  it('moves every live customer and contact of A to B in one step, each move in history', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const team = await makeTeam(t.app, t.db);
    const c1 = await makeCustomer(team.repA);
    const c2 = await makeCustomer(team.repA);
    const contact = await makeContact(team.repA, c1.id);
    const binned = await makeCustomer(team.repA);
    await team.repA.delete(`/api/v1/customers/${binned.id}`);
    const untouched = await makeCustomer(team.repSouth);

    const res = await admin.post('/api/v1/transfers', { fromUserId: team.repA.userId, toUserId: team.repSouth.userId });
    expect(res.status).toBe(200);
    expect(res.body.moved).toMatchObject({ customer: 2, contact: 1 });

    for (const c of [c1, c2]) {
      expect((await team.repSouth.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({
        ownerId: team.repSouth.userId,
        ownerDeptId: team.departments.south,
        version: 2,
      });
      expect((await team.repA.get(`/api/v1/customers/${c.id}`)).status).toBe(404);
      expect((await historyRows(t.db, 'customer', c.id)).at(-1)).toMatchObject({
        action: 'transfer',
        field: 'owner_id',
        old_value: team.repA.userId,
        new_value: team.repSouth.userId,
        actor_id: admin.userId,
      });
    }
    expect((await team.repSouth.get(`/api/v1/contacts/${contact.id}`)).body.ownerId).toBe(team.repSouth.userId);
    expect((await historyRows(t.db, 'contact', contact.id)).at(-1)?.action).toBe('transfer');
    expect((await team.repSouth.get(`/api/v1/customers/${untouched.id}`)).body.version).toBe(1);
    // Records in the recycle bin stay where they were.
    expect((await team.repA.get('/api/v1/recycle-bin')).body.items.map((i: { id: string }) => i.id)).toEqual([binned.id]);
    // Nobody was deactivated.
    expect((await team.repA.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('can deactivate the leaver in the same step, ending their sessions', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const team = await makeTeam(t.app, t.db);
    await makeCustomer(team.repA);
    const res = await admin.post('/api/v1/transfers', { fromUserId: team.repA.userId, toUserId: team.repB.userId, deactivate: true });
    expect(res.status).toBe(200);
    expect((await team.repA.get('/api/v1/auth/me')).status).toBe(401);
    expect((await attemptLogin(t.app, { username: team.repA.username, password: TEST_PASSWORD })).status).toBe(403);
    expect((await admin.get(`/api/v1/users/${team.repA.userId}`)).body.active).toBe(false);
    expect((await team.repB.get('/api/v1/customers')).body.total).toBe(1);
  });

  it('refuses an unknown, inactive or identical target with 400 on the field, moving nothing', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    await admin.post('/api/v1/transfers', { fromUserId: team.repB.userId, toUserId: team.repSouth.userId, deactivate: true });
    const history = await countRows(t.db, 'record_history', ['record_id', c.id]);
    const cases = [
      { body: { fromUserId: team.repA.userId, toUserId: unknownId() }, field: 'toUserId' },
      { body: { fromUserId: team.repA.userId, toUserId: team.repB.userId }, field: 'toUserId' },
      { body: { fromUserId: team.repA.userId, toUserId: team.repA.userId }, field: 'toUserId' },
      { body: { fromUserId: unknownId(), toUserId: team.repA.userId }, field: 'fromUserId' },
    ];
    for (const { body, field } of cases) {
      const res = await admin.post('/api/v1/transfers', { ...body, deactivate: true });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields).toHaveProperty(field);
    }
    expect((await team.repA.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({ ownerId: team.repA.userId, version: 1 });
    expect((await team.repA.get('/api/v1/auth/me')).status).toBe(200);
    expect(await countRows(t.db, 'record_history', ['record_id', c.id])).toBe(history);
  });

  it('does not let an administrator deactivate himself through a transfer', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const other = await makeAdmin(t.app, t.db);
    const res = await admin.post('/api/v1/transfers', { fromUserId: admin.userId, toUserId: other.userId, deactivate: true });
    expect(res.status).toBe(422);
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('is reserved to those who may edit users (403 for a director)', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const res = await team.director.post('/api/v1/transfers', { fromUserId: team.repA.userId, toUserId: team.repB.userId });
    expect(res.status).toBe(403);
    expect((await team.repA.get(`/api/v1/customers/${c.id}`)).body.ownerId).toBe(team.repA.userId);
  });
});
