import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('customer data scopes (P2)', () => {
  it('lets a rep see only their own customers', async () => {
    const team = await makeTeam(t.app, t.db);
    const mine = await makeCustomer(team.repA);
    await makeCustomer(team.repB);
    const list = await team.repA.get('/api/v1/customers?pageSize=200');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect(list.body.total).toBe(1);
  });

  it("answers 404 when a rep reads, changes or deletes another rep's customer by id", async () => {
    const team = await makeTeam(t.app, t.db);
    const theirs = await makeCustomer(team.repB);
    expect((await team.repA.get(`/api/v1/customers/${theirs.id}`)).status).toBe(404);
    expect((await team.repA.patch(`/api/v1/customers/${theirs.id}`, { version: 1, name: '抢单' })).status).toBe(404);
    expect((await team.repA.delete(`/api/v1/customers/${theirs.id}`)).status).toBe(404);
    expect((await team.repA.get(`/api/v1/customers/${theirs.id}/history`)).status).toBe(404);
    const still = await team.repB.get(`/api/v1/customers/${theirs.id}`);
    expect(still.body.name).toBe(theirs.name);
    expect(still.body.version).toBe(1);
  });

  it('shows a manager the customers of his department and its sub-departments, not a sibling department', async () => {
    const team = await makeTeam(t.app, t.db);
    const a = await makeCustomer(team.repA);
    const south = await makeCustomer(team.repSouth);
    const ids = (await team.eastManager.get('/api/v1/customers?pageSize=200')).body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(south.id);
    expect((await team.eastManager.get(`/api/v1/customers/${south.id}`)).status).toBe(404);
  });

  it('shows the director every customer', async () => {
    const team = await makeTeam(t.app, t.db);
    const a = await makeCustomer(team.repA);
    const south = await makeCustomer(team.repSouth);
    expect((await team.director.get(`/api/v1/customers/${a.id}`)).status).toBe(200);
    expect((await team.director.get(`/api/v1/customers/${south.id}`)).status).toBe(200);
  });
});

describe('customer scopes cannot be side-stepped', () => {
  it("returns nothing when a rep filters the list by another rep's ownerId or department", async () => {
    const team = await makeTeam(t.app, t.db);
    const theirs = await makeCustomer(team.repB, { industry: 'it' });
    for (const query of [
      `ownerId=${team.repB.userId}`,
      `ownerDeptId=${team.departments.shanghai}`,
      `q=${encodeURIComponent(theirs.name)}`,
      'industry=it',
    ]) {
      const res = await team.repA.get(`/api/v1/customers?${query}`);
      expect(res.status, query).toBe(200);
      expect(
        res.body.items.map((c: { id: string }) => c.id),
        query,
      ).not.toContain(theirs.id);
    }
  });

  it('keeps a manager inside his departments even when filtering by a sibling department', async () => {
    const team = await makeTeam(t.app, t.db);
    const south = await makeCustomer(team.repSouth);
    const res = await team.eastManager.get(`/api/v1/customers?ownerDeptId=${team.departments.south}`);
    expect(res.body.items).toEqual([]);
    expect(res.body.total).toBe(0);
    expect((await team.eastManager.get(`/api/v1/customers/${south.id}/history`)).status).toBe(404);
  });

  it("hides another rep's deleted customers in the recycle bin and refuses to restore them", async () => {
    const team = await makeTeam(t.app, t.db);
    const theirs = await makeCustomer(team.repB);
    expect((await team.repB.delete(`/api/v1/customers/${theirs.id}`)).status).toBe(200);
    const bin = await team.repA.get('/api/v1/recycle-bin?pageSize=200');
    expect(bin.body.items.map((i: { id: string }) => i.id)).not.toContain(theirs.id);
    expect((await team.repA.post(`/api/v1/recycle-bin/customer/${theirs.id}/restore`)).status).toBe(404);
    expect((await team.repA.get(`/api/v1/customers/${theirs.id}/history`)).status).toBe(404);
    expect((await team.repB.get(`/api/v1/customers/${theirs.id}`)).status).toBe(404);
  });

  it('lets a manager find a deleted customer of his team in the bin and read its history', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    await team.repA.delete(`/api/v1/customers/${c.id}`);
    const bin = await team.eastManager.get('/api/v1/recycle-bin?entity=customer&pageSize=200');
    expect(bin.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect((await team.southManager.get('/api/v1/recycle-bin?pageSize=200')).body.items.map((i: { id: string }) => i.id)).not.toContain(
      c.id,
    );
    const history = await team.eastManager.get(`/api/v1/customers/${c.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { action: string }) => h.action)).toContain('delete');
  });

  it('does not let a rep give a new customer to a colleague outside his scope', async () => {
    const team = await makeTeam(t.app, t.db);
    const res = await team.repA.post('/api/v1/customers', { name: `转手${Date.now()}`, ownerId: team.repSouth.userId });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('ownerId');
    expect((await team.repSouth.get('/api/v1/customers')).body.total).toBe(0);
  });
});
