import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeAdmin, makeDepartment, makeUser, TEST_PASSWORD, uniq } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function patchUser(admin: Client, userId: string, body: Record<string, unknown>) {
  const current = await admin.get(`/api/v1/users/${userId}`);
  return admin.patch(`/api/v1/users/${userId}`, { version: current.body.version, ...body });
}

describe('organisation safeguards', () => {
  it('keeps at least one active administrator: the last one cannot drop his own admin role', async () => {
    const a = await makeAdmin(t.app, t.db);
    // Everybody else's admin rights away, so `a` is the last administrator of this database.
    await t.db.updateTable('users').set({ active: false }).where('id', '!=', a.userId).execute();

    const refused = await patchUser(a, a.userId, { roles: ['director'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('LAST_ADMIN');
    expect((await a.get(`/api/v1/users/${a.userId}`)).body.roles).toEqual(['admin']);

    const b = await a.post('/api/v1/users', {
      username: uniq('admin.b'),
      displayName: '第二管理员',
      password: 'Welcome123',
      roles: ['admin'],
    });
    expect(b.status).toBe(201);
    const demoted = await patchUser(a, a.userId, { roles: ['director'] });
    expect(demoted.status).toBe(200);
    expect(demoted.body.roles).toEqual(['director']);
  });

  it('does not delete a role an inactive user still holds', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const role = await admin.post('/api/v1/roles', {
      key: uniq('r_'),
      name: uniq('临时角色'),
      dataScope: 'own',
      permissions: ['customers:view'],
    });
    const holder = await makeUser(t.db, { role: role.body.key });
    await t.db.updateTable('users').set({ active: false }).where('id', '=', holder.id).execute();
    const res = await admin.delete(`/api/v1/roles/${role.body.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('IN_USE');
    expect(await t.db.selectFrom('user_roles').select('role_id').where('user_id', '=', holder.id).executeTakeFirst()).toEqual({
      role_id: role.body.id,
    });
  });

  it('does not delete a department with deactivated members', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const dept = await makeDepartment(t.db, { name: uniq('撤销部门') });
    const member = await makeUser(t.db, { departmentId: dept });
    await t.db.updateTable('users').set({ active: false }).where('id', '=', member.id).execute();
    const res = await admin.delete(`/api/v1/departments/${dept}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('DEPARTMENT_NOT_EMPTY');
  });

  it('lists the users of a department and of its sub-departments', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const parent = await makeDepartment(t.db, { name: uniq('大区') });
    const child = await makeDepartment(t.db, { name: uniq('城市组'), parentId: parent });
    const outside = await makeDepartment(t.db, { name: uniq('别的大区') });
    const inParent = await makeUser(t.db, { departmentId: parent });
    const inChild = await makeUser(t.db, { departmentId: child });
    await makeUser(t.db, { departmentId: outside });
    const res = await admin.get(`/api/v1/users?departmentId=${parent}&pageSize=50`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { id: string }) => u.id).sort()).toEqual([inParent.id, inChild.id].sort());
  });

  it('treats % and _ in the owner picker search as plain characters', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const res = await admin.get(`/api/v1/users/options?q=${encodeURIComponent('%')}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it("writes a user's own password change into his history", async () => {
    const admin = await makeAdmin(t.app, t.db);
    const res = await admin.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'N3w-Passw0rd!' });
    expect(res.status).toBe(200);
    const rows = await historyRows(t.db, 'user', admin.userId);
    expect(rows.some((r) => r.field === 'password' && r.actor_id === admin.userId)).toBe(true);
  });
});
