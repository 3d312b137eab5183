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
