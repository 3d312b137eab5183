import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeCustomer, makeRep, makeTeam, unknownId } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const binIds = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

describe('recycle bin (P4)', () => {
  it('shows a deleted customer to its owner, with who deleted it and when, in the caller’s language', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA);
    await repA.delete(`/api/v1/customers/${c.id}`);
    const bin = await repA.request('GET', '/api/v1/recycle-bin', undefined, { 'x-locale': 'en' });
    expect(bin.status).toBe(200);
    expect(bin.body.total).toBe(1);
    expect(bin.body.items[0]).toMatchObject({
      entity: 'customer',
      entityLabel: 'Customer',
      id: c.id,
      title: c.name,
      deletedByName: repA.username,
    });
  });

  it('lets the owner restore it: back in the list, version counted up', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA);
    await repA.delete(`/api/v1/customers/${c.id}`);
    const res = await repA.post(`/api/v1/recycle-bin/customer/${c.id}/restore`);
    expect(res.status).toBe(200);
    expect((await repA.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({ name: c.name, version: 3 });
    expect(binIds(await repA.get('/api/v1/recycle-bin'))).toEqual([]);
    expect((await repA.post(`/api/v1/recycle-bin/customer/${c.id}/restore`)).status).toBe(404);
  });

  it('does not let a manager restore what his rep deleted (403), but an admin may', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    await team.repA.delete(`/api/v1/customers/${c.id}`);
    const res = await team.eastManager.post(`/api/v1/recycle-bin/customer/${c.id}/restore`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    const admin = await makeAdmin(t.app, t.db);
    expect((await admin.post(`/api/v1/recycle-bin/customer/${c.id}/restore`)).status).toBe(200);
  });

  it('refuses to restore while a live customer has taken the name: a clear 409, and the record stays in the bin', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA);
    await repA.delete(`/api/v1/customers/${c.id}`);
    await makeCustomer(repA, { name: c.name.toUpperCase() });
    const res = await repA.request('POST', `/api/v1/recycle-bin/customer/${c.id}/restore`, undefined, { 'x-locale': 'en' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('DUPLICATE');
    expect(res.body.error.message).toContain(c.name);
    expect(res.body.error.fields).toEqual({ name: 'Already exists' });
    expect(binIds(await repA.get('/api/v1/recycle-bin'))).toEqual([c.id]);
  });

  it('answers 404 for an unknown entity or id', async () => {
    const repA = await makeRep(t.app, t.db);
    expect((await repA.post(`/api/v1/recycle-bin/spaceship/${unknownId()}/restore`)).status).toBe(404);
    expect((await repA.post(`/api/v1/recycle-bin/customer/${unknownId()}/restore`)).status).toBe(404);
  });

  it('filters by entity and title, and pages', async () => {
    const repA = await makeRep(t.app, t.db);
    const customers = [await makeCustomer(repA, { name: `Bin-Alpha-${Date.now()}` }), await makeCustomer(repA), await makeCustomer(repA)];
    for (const c of customers) await repA.delete(`/api/v1/customers/${c.id}`);
    expect((await repA.get('/api/v1/recycle-bin?entity=customer')).body.total).toBe(3);
    expect((await repA.get('/api/v1/recycle-bin?entity=contact')).body.total).toBe(0);
    expect(binIds(await repA.get('/api/v1/recycle-bin?q=bin-alpha'))).toEqual([customers[0].id]);
    expect(binIds(await repA.get('/api/v1/recycle-bin?q=%25'))).toEqual([]);
    const page = await repA.get('/api/v1/recycle-bin?pageSize=2&page=2');
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
  });
});
