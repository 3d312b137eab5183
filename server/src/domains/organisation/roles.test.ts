import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient, makeCustomer, makeDepartment, makeTeam, uniq } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function makeRole(admin: Client, body: { dataScope: string; permissions: string[] }) {
  const res = await admin.post('/api/v1/roles', { key: uniq('role_'), name: uniq('角色'), ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; key: string; version: number };
}

describe('roles and the permission matrix (P2)', () => {
  it('takes a removed permission away at the next request (403), and gives it back', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const role = await makeRole(admin, {
      dataScope: 'own',
      permissions: ['customers:view', 'customers:create', 'customers:edit', 'customers:delete'],
    });
    const user = await makeClient(t.app, t.db, { role: role.key });
    const a = await makeCustomer(user);
    expect((await user.delete(`/api/v1/customers/${a.id}`)).status).toBe(200);

    const patched = await admin.patch(`/api/v1/roles/${role.id}`, {
      version: 1,
      permissions: ['customers:view', 'customers:create', 'customers:edit'],
    });
    expect(patched.status).toBe(200);
    const b = await makeCustomer(user);
    const refused = await user.delete(`/api/v1/customers/${b.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await user.get(`/api/v1/customers/${b.id}`)).status).toBe(200);
    expect((await user.get('/api/v1/contacts')).status).toBe(403);

    await admin.patch(`/api/v1/roles/${role.id}`, { version: 2, permissions: ['customers:view', 'customers:delete'] });
    expect((await user.delete(`/api/v1/customers/${b.id}`)).status).toBe(200);
    expect((await user.post('/api/v1/customers', { name: uniq() })).status).toBe(403);
  });

  it("shows a custom role with 'department' scope the records of its department and sub-departments only", async () => {
    const admin = await makeAdmin(t.app, t.db);
    const team = await makeTeam(t.app, t.db);
    const role = await makeRole(admin, { dataScope: 'department', permissions: ['customers:view'] });
    const analyst = await makeClient(t.app, t.db, { role: role.key, departmentId: team.departments.east });
    const shanghai = await makeCustomer(team.repA);
    const south = await makeCustomer(team.repSouth);
    const ids = (await analyst.get('/api/v1/customers?pageSize=200')).body.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual([shanghai.id]);
    expect((await analyst.get(`/api/v1/customers/${south.id}`)).status).toBe(404);
    expect((await analyst.get('/api/v1/auth/me')).body.scope).toBe('department');

    // Widening the scope widens what the same session sees.
    await admin.patch(`/api/v1/roles/${role.id}`, { version: 1, dataScope: 'all' });
    expect((await analyst.get(`/api/v1/customers/${south.id}`)).status).toBe(200);
  });

  it('gives a user the widest scope and the union of permissions of all their roles', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const dept = await makeDepartment(t.db);
    const viewer = await makeRole(admin, { dataScope: 'all', permissions: ['customers:view'] });
    const user = await makeClient(t.app, t.db, { roles: ['rep', viewer.key], departmentId: dept });
    const me = (await user.get('/api/v1/auth/me')).body;
    expect(me.scope).toBe('all');
    expect(me.permissions).toEqual(expect.arrayContaining(['customers:view', 'customers:delete', 'contacts:create']));
  });

  it('keeps the admin role unchangeable, and roles in use undeletable (409)', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string; version: number }[];
    const adminRole = roles.find((r) => r.key === 'admin');
    const res = await admin.patch(`/api/v1/roles/${adminRole?.id}`, { version: adminRole?.version, permissions: [] });
    expect(res.status).toBe(422);
    const custom = await makeRole(admin, { dataScope: 'own', permissions: [] });
    await makeClient(t.app, t.db, { role: custom.key });
    expect((await admin.delete(`/api/v1/roles/${custom.id}`)).status).toBe(409);
    const rep = roles.find((r) => r.key === 'rep');
    expect((await admin.delete(`/api/v1/roles/${rep?.id}`)).status).toBe(409);
    const unused = await makeRole(admin, { dataScope: 'own', permissions: [] });
    expect((await admin.delete(`/api/v1/roles/${unused.id}`)).status).toBe(200);
  });

  it('refuses a duplicate role key (409) and malformed permissions (400)', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const role = await makeRole(admin, { dataScope: 'own', permissions: [] });
    const dup = await admin.post('/api/v1/roles', { key: role.key, name: '重复', dataScope: 'own', permissions: [] });
    expect(dup.status).toBe(409);
    const bad = await admin.post('/api/v1/roles', { key: uniq('role_'), name: 'x', dataScope: 'own', permissions: ['customers:fly'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)[0]).toMatch(/^permissions/);
  });

  it('is managed by administrators only (403)', async () => {
    const { director } = await makeTeam(t.app, t.db);
    expect((await director.get('/api/v1/roles')).status).toBe(403);
    expect((await director.post('/api/v1/roles', { key: uniq('role_'), name: 'x', dataScope: 'all', permissions: ['*'] })).status).toBe(
      403,
    );
  });
});
