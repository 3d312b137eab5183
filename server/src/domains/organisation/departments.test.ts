import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, makeAdmin, makeClient, makeUser, uniq, unknownId } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function makeDept(admin: Client, body: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/departments', { name: uniq('部门'), ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; parentId: string | null; version: number };
}

describe('department tree', () => {
  it('creates departments under a parent, with a manager, and lists them for everyone', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const manager = await makeUser(t.db, { role: 'manager' });
    const root = await makeDept(admin);
    const child = await makeDept(admin, { parentId: root.id, managerId: manager.id, sortOrder: 5 });
    expect(child).toMatchObject({ parentId: root.id, managerId: manager.id, managerName: manager.username, sortOrder: 5, version: 1 });
    const rep = await makeClient(t.app, t.db, { role: 'rep' });
    const listed = await rep.get('/api/v1/departments');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([root.id, child.id]));
  });

  it('renames and moves a department, with optimistic locking', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const a = await makeDept(admin);
    const b = await makeDept(admin);
    const moved = await admin.patch(`/api/v1/departments/${b.id}`, { version: 1, parentId: a.id, name: '华北大区' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: a.id, name: '华北大区', version: 2 });
    const stale = await admin.patch(`/api/v1/departments/${b.id}`, { version: 1, name: '过期' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.name).toBe('华北大区');
  });

  it('refuses to move a department under itself or one of its descendants (422 DEPARTMENT_CYCLE)', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const top = await makeDept(admin);
    const mid = await makeDept(admin, { parentId: top.id });
    const leaf = await makeDept(admin, { parentId: mid.id });
    for (const parentId of [top.id, leaf.id, mid.id]) {
      const res = await admin.patch(`/api/v1/departments/${top.id}`, { version: 1, parentId });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('DEPARTMENT_CYCLE');
    }
    expect((await admin.get('/api/v1/departments')).body.items.find((d: { id: string }) => d.id === top.id).parentId).toBeNull();
  });

  it('refuses an unknown parent or manager with 400 on that field', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const before = await countRows(t.db, 'departments');
    for (const field of ['parentId', 'managerId']) {
      const res = await admin.post('/api/v1/departments', { name: uniq(), [field]: unknownId() });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty(field);
    }
    expect(await countRows(t.db, 'departments')).toBe(before);
  });

  it('refuses to delete a department that still has users or sub-departments (409), deletes an empty one', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const parent = await makeDept(admin);
    const child = await makeDept(admin, { parentId: parent.id });
    const staffed = await makeDept(admin);
    await makeUser(t.db, { departmentId: staffed.id });
    for (const id of [parent.id, staffed.id]) {
      const res = await admin.delete(`/api/v1/departments/${id}`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('DEPARTMENT_NOT_EMPTY');
    }
    expect((await admin.delete(`/api/v1/departments/${child.id}`)).status).toBe(200);
    expect((await admin.delete(`/api/v1/departments/${parent.id}`)).status).toBe(200);
    const ids = (await admin.get('/api/v1/departments')).body.items.map((d: { id: string }) => d.id);
    expect(ids).not.toContain(parent.id);
    // A deleted department is no longer a valid parent.
    const res = await admin.post('/api/v1/departments', { name: uniq(), parentId: parent.id });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('parentId');
  });

  it('is changed only by someone with department permissions (403 for a manager)', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const dept = await makeDept(admin);
    const manager = await makeClient(t.app, t.db, { role: 'manager' });
    expect((await manager.post('/api/v1/departments', { name: uniq() })).status).toBe(403);
    expect((await manager.patch(`/api/v1/departments/${dept.id}`, { version: 1, name: uniq() })).status).toBe(403);
    expect((await manager.delete(`/api/v1/departments/${dept.id}`)).status).toBe(403);
  });
});
