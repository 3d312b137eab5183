import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, historyRows, makeContact, makeCustomer, makeRep, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('customer field history (P3)', () => {
  it('records the creation with every value that was set, by whom', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA, { industry: 'it', phone: '010-8888' });
    const rows = await historyRows(t.db, 'customer', c.id);
    expect(rows.every((r) => r.action === 'create' && r.actor_id === repA.userId && r.old_value === null)).toBe(true);
    const created = Object.fromEntries(rows.map((r) => [r.field, r.new_value]));
    expect(created).toMatchObject({ name: c.name, industry: 'it', phone: '010-8888' });
    expect(created).not.toHaveProperty('owner_id');
  });

  it('records each changed field with its old and new value, and nothing for unchanged ones', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA, { grade: 'C', phone: '010-1' });
    await repA.patch(`/api/v1/customers/${c.id}`, { version: 1, grade: 'A', phone: '010-1', creditLimit: '5000' });
    const res = await repA.get(`/api/v1/customers/${c.id}/history`);
    expect(res.status).toBe(200);
    const updates = res.body.items.filter((h: { action: string }) => h.action === 'update');
    expect(updates.map((h: { field: string }) => h.field).sort()).toEqual(['credit_limit', 'grade']);
    expect(updates.find((h: { field: string }) => h.field === 'grade')).toMatchObject({
      oldValue: 'C',
      newValue: 'A',
      actorId: repA.userId,
    });
    expect(updates.find((h: { field: string }) => h.field === 'credit_limit')).toMatchObject({ oldValue: null, newValue: '5000.00' });
  });

  it('does not take the same amount in another spelling for a change', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA, { creditLimit: '5000.5' });
    expect(c.creditLimit).toBe('5000.50');
    const res = await repA.patch(`/api/v1/customers/${c.id}`, { version: 1, creditLimit: 5000.5 });
    expect(res.body.version).toBe(1);
    const again = await repA.patch(`/api/v1/customers/${c.id}`, { version: 1, creditLimit: '05000.50' });
    expect(again.body.version).toBe(1);
    expect((await historyRows(t.db, 'customer', c.id)).filter((r) => r.action === 'update')).toEqual([]);
  });

  it('records delete and restore', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA);
    await repA.delete(`/api/v1/customers/${c.id}`);
    await repA.post(`/api/v1/recycle-bin/customer/${c.id}/restore`);
    const actions = (await historyRows(t.db, 'customer', c.id)).map((r) => r.action);
    expect(actions.slice(-2)).toEqual(['delete', 'restore']);
  });

  it('writes no history for a refused change', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA);
    const before = await countRows(t.db, 'record_history', ['record_id', c.id]);
    expect((await repA.patch(`/api/v1/customers/${c.id}`, { version: 9, grade: 'A' })).status).toBe(409);
    expect((await repA.patch(`/api/v1/customers/${c.id}`, { version: 1, industry: 'nope' })).status).toBe(400);
    expect(await countRows(t.db, 'record_history', ['record_id', c.id])).toBe(before);
  });

  it('writes history in the same transaction as the change: a PATCH failing after its history row leaves neither', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const contact = await makeContact(team.repA, c.id);
    const before = await countRows(t.db, 'record_history', ['record_id', c.id]);
    // Fault injection: moving this customer's contacts fails, after the customer row and its history are written.
    await sql
      .raw(`CREATE FUNCTION fail_contact_move() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected failure' USING ERRCODE = 'check_violation'; END $$`)
      .execute(t.db);
    await sql
      .raw(`CREATE TRIGGER fail_contact_move BEFORE UPDATE OF owner_id ON contacts
          FOR EACH ROW WHEN (OLD.id = '${contact.id}') EXECUTE FUNCTION fail_contact_move()`)
      .execute(t.db);
    try {
      const res = await team.eastManager.patch(`/api/v1/customers/${c.id}`, { version: 1, ownerId: team.repB.userId, grade: 'A' });
      expect(res.status).toBeGreaterThanOrEqual(400);
    } finally {
      await sql.raw('DROP TRIGGER fail_contact_move ON contacts').execute(t.db);
      await sql.raw('DROP FUNCTION fail_contact_move()').execute(t.db);
    }
    expect(await countRows(t.db, 'record_history', ['record_id', c.id])).toBe(before);
    expect((await team.repA.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({ ownerId: team.repA.userId, grade: null, version: 1 });
  });
});

describe('changing a customer’s owner', () => {
  it('moves its contacts along and records both moves', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const contacts = [await makeContact(team.repA, c.id), await makeContact(team.repA, c.id)];
    const res = await team.eastManager.patch(`/api/v1/customers/${c.id}`, { version: 1, ownerId: team.repB.userId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ownerId: team.repB.userId, ownerDeptId: team.departments.shanghai, version: 2 });

    const ownerRow = (await historyRows(t.db, 'customer', c.id)).find((r) => r.field === 'owner_id');
    expect(ownerRow).toMatchObject({ action: 'update', old_value: team.repA.userId, new_value: team.repB.userId });
    for (const contact of contacts) {
      const moved = await team.repB.get(`/api/v1/contacts/${contact.id}`);
      expect(moved.body).toMatchObject({ ownerId: team.repB.userId, updatedBy: team.eastManager.userId, version: 2 });
      const rows = await historyRows(t.db, 'contact', contact.id);
      expect(rows.at(-1)).toMatchObject({
        action: 'transfer',
        field: 'owner_id',
        old_value: team.repA.userId,
        new_value: team.repB.userId,
      });
      expect((await team.repA.get(`/api/v1/contacts/${contact.id}`)).status).toBe(404);
    }
  });

  it('refuses an owner outside the actor’s scope or an unknown owner, and moves nothing', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const contact = await makeContact(team.repA, c.id);
    for (const ownerId of [team.repSouth.userId, '00000000-0000-4000-8000-000000000000']) {
      const res = await team.eastManager.patch(`/api/v1/customers/${c.id}`, { version: 1, ownerId });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty('ownerId');
    }
    expect((await team.repA.get(`/api/v1/contacts/${contact.id}`)).body.ownerId).toBe(team.repA.userId);
  });
});
