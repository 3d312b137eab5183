import { sql } from 'kysely';
import { expect } from 'vitest';
import { makeAdmin, makeClient, makeContact, makeCustomer, makeDepartment, makeUser, TEST_PASSWORD, uniq } from './factories.js';
import { call, type Response, startTestApp } from './test-app.js';

/**
 * The write endpoints of the foundation, each with a valid body, for the bad-input sweeps: each
 * case breaks exactly one thing about a valid request and checks that the route's state did not move.
 */
export interface Route {
  method: 'POST' | 'PATCH' | 'PUT';
  /** With `:id` where the route takes a record id. */
  path: string;
  id?: string;
  as: 'admin' | 'user' | 'anonymous';
  /** A valid body: each case breaks exactly one thing about it. */
  body: Record<string, unknown>;
  required: string[];
  /** What the route would change, read before and after each case. */
  state: () => Promise<unknown>;
}

export type SendOptions = { body?: unknown; rawBody?: string; id?: string; headers?: Record<string, string> };

export async function startSweep() {
  const t = await startTestApp();
  const rowOf = (table: string, id: string) => async () =>
    (await sql`SELECT * FROM ${sql.table(table)} WHERE id = ${id}`.execute(t.db)).rows;
  const countOf = (table: string) => async () => (await sql`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.db)).rows;
  const failures = async () => (await sql`SELECT coalesce(sum(failures), 0)::int AS n FROM login_failures`.execute(t.db)).rows;
  const historyCount = async () => (await sql`SELECT count(*)::int AS n FROM record_history`.execute(t.db)).rows;
  const admin = await makeAdmin(t.app, t.db);
  const user = await makeClient(t.app, t.db, { role: 'rep' });
  const routes = await writeRoutes();

  function send(route: Route, opts: SendOptions): Promise<Response> {
    const url = `/api/v1${route.path.replace(':id', opts.id ?? route.id ?? '')}`;
    const client = route.as === 'admin' ? admin : user;
    const auth: Record<string, string> = route.as === 'anonymous' ? {} : { cookie: client.cookie, 'x-csrf-token': client.csrfToken };
    return call(t.app, route.method, url, {
      body: opts.body,
      rawBody: opts.rawBody,
      headers: { ...auth, 'x-locale': 'en', ...opts.headers },
    });
  }

  /** Sends one bad request and checks the answer's shape and that the route's state did not move. */
  async function expectRefused(
    route: Route,
    label: string,
    opts: SendOptions,
    expected: { status?: number; field?: string; code?: string } = {},
  ) {
    const before = [await route.state(), await historyCount()];
    const res = await send(route, opts);
    const what = `${route.method} ${route.path} — ${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    expect(res.status, what).toBeGreaterThanOrEqual(400);
    expect(res.status, what).toBeLessThan(500);
    if (expected.status) expect(res.status, what).toBe(expected.status);
    expect(typeof res.body?.error?.code, what).toBe('string');
    expect(res.body.error.message, what).toEqual(expect.any(String));
    if (expected.code) expect(res.body.error.code, what).toBe(expected.code);
    if (expected.field) expect(Object.keys(res.body.error.fields ?? {}), what).toContain(expected.field);
    expect([await route.state(), await historyCount()], `${what} — something was written`).toEqual(before);
  }

  async function writeRoutes(): Promise<Route[]> {
    // The users the routes act on never sign in: plain rows are enough, and much cheaper than sign-ins.
    const center = await makeDepartment(t.db);
    const dept = await makeDepartment(t.db, { parentId: center });
    const repA = await makeUser(t.db, { departmentId: dept });
    const repB = await makeUser(t.db, { departmentId: dept });
    const customer = await makeCustomer(admin);
    const contact = await makeContact(admin, customer.id);
    const role = (await admin.post('/api/v1/roles', { key: uniq('role_'), name: '临时', dataScope: 'own', permissions: [] })).body;
    const value = (
      await admin.post('/api/v1/picklists/industry/values', { code: uniq('v_'), labels: { 'zh-CN': '甲', 'zh-TW': '甲', en: 'A' } })
    ).body;
    const labels = { 'zh-CN': '乙', 'zh-TW': '乙', en: 'B' };
    const customerBody = {
      name: uniq('客户'),
      shortName: '简称',
      industry: 'it',
      source: 'referral',
      grade: 'A',
      customerType: 'project',
      region: '华东',
      address: '上海市',
      phone: '021-1',
      website: 'example.com',
      tags: ['vip'],
      isKey: true,
      followUpCycleDays: 30,
      creditLimit: '100.00',
      remarks: '备注',
      ownerId: admin.userId,
    };
    const contactBody = {
      name: '李四',
      title: '经理',
      department: '采购部',
      role: 'technical',
      mobile: '138',
      phone: '021',
      email: 'li@example.com',
      birthday: '1980-01-31',
      notes: 'n',
      isPrimary: false,
    };
    const userBody = { displayName: '某人', email: 'a@example.com', mobile: '139', departmentId: dept, roles: ['rep'], locale: 'en' };
    const me = rowOf('users', user.userId);
    return [
      {
        method: 'POST',
        path: '/auth/login',
        as: 'anonymous',
        body: { username: user.username, password: 'Wrong1234', totpCode: '123456' },
        required: ['username', 'password'],
        state: failures,
      },
      { method: 'PUT', path: '/auth/me/preferences', as: 'user', body: { locale: 'en' }, required: ['locale'], state: me },
      {
        method: 'POST',
        path: '/auth/password',
        as: 'user',
        body: { currentPassword: TEST_PASSWORD, newPassword: 'Another123' },
        required: ['currentPassword', 'newPassword'],
        state: me,
      },
      { method: 'POST', path: '/auth/totp/enable', as: 'user', body: { code: '123456' }, required: ['code'], state: me },
      { method: 'POST', path: '/auth/totp/disable', as: 'user', body: { code: '123456' }, required: ['code'], state: me },
      {
        method: 'POST',
        path: '/api-tokens',
        as: 'user',
        body: { name: 'sync', expiresInDays: 30 },
        required: ['name'],
        state: countOf('api_tokens'),
      },
      {
        method: 'POST',
        path: '/users',
        as: 'admin',
        body: { username: uniq('u'), password: 'Welcome123', ...userBody },
        required: ['username', 'displayName', 'password', 'roles'],
        state: countOf('users'),
      },
      {
        method: 'PATCH',
        path: '/users/:id',
        id: repB.id,
        as: 'admin',
        body: { version: 1, active: true, ...userBody },
        required: ['version'],
        state: rowOf('users', repB.id),
      },
      {
        method: 'POST',
        path: '/users/:id/reset-password',
        id: repB.id,
        as: 'admin',
        body: { password: 'Welcome123' },
        required: ['password'],
        state: rowOf('users', repB.id),
      },
      {
        method: 'POST',
        path: '/departments',
        as: 'admin',
        body: { name: uniq('部门'), parentId: dept, managerId: user.userId, sortOrder: 3 },
        required: ['name'],
        state: countOf('departments'),
      },
      {
        method: 'PATCH',
        path: '/departments/:id',
        id: dept,
        as: 'admin',
        body: { version: 1, name: uniq('部门'), parentId: center, managerId: user.userId, sortOrder: 3 },
        required: ['version'],
        state: rowOf('departments', dept),
      },
      {
        method: 'POST',
        path: '/roles',
        as: 'admin',
        body: { key: uniq('role_'), name: '角色', dataScope: 'own', permissions: ['customers:view'] },
        required: ['key', 'name', 'dataScope', 'permissions'],
        state: countOf('roles'),
      },
      {
        method: 'PATCH',
        path: '/roles/:id',
        id: role.id,
        as: 'admin',
        body: { version: 1, name: '角色', dataScope: 'all', permissions: ['customers:view'] },
        required: ['version'],
        state: rowOf('roles', role.id),
      },
      {
        method: 'POST',
        path: '/picklists/industry/values',
        as: 'admin',
        body: { code: uniq('v_'), labels, sortOrder: 5 },
        required: ['code', 'labels'],
        state: countOf('picklist_values'),
      },
      {
        method: 'PATCH',
        path: '/picklists/values/:id',
        id: value.id,
        as: 'admin',
        body: { version: 1, labels, sortOrder: 5, active: false },
        required: ['version'],
        state: rowOf('picklist_values', value.id),
      },
      { method: 'POST', path: '/customers', as: 'admin', body: customerBody, required: ['name'], state: countOf('customers') },
      {
        method: 'PATCH',
        path: '/customers/:id',
        id: customer.id,
        as: 'admin',
        body: { version: 1, ...customerBody },
        required: ['version'],
        state: rowOf('customers', customer.id),
      },
      {
        method: 'POST',
        path: '/contacts',
        as: 'admin',
        body: { customerId: customer.id, ...contactBody },
        required: ['customerId', 'name'],
        state: countOf('contacts'),
      },
      {
        method: 'PATCH',
        path: '/contacts/:id',
        id: contact.id,
        as: 'admin',
        body: { version: 1, ...contactBody },
        required: ['version'],
        state: rowOf('contacts', contact.id),
      },
      {
        method: 'POST',
        path: '/transfers',
        as: 'admin',
        body: { fromUserId: repA.id, toUserId: repB.id, deactivate: true },
        required: ['fromUserId', 'toUserId'],
        state: rowOf('users', repA.id),
      },
    ];
  }

  return { t, admin, user, routes, send, expectRefused, historyCount };
}

/** A value of another JSON type than the given one. */
export function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { not: 'an array' };
  return ['not', 'an', 'object'];
}
