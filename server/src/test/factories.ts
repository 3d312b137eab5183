import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createUser } from '../domains/organisation/user-service.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Db } from '../platform/db/database.js';
import { type Client, login } from './test-app.js';

export const TEST_PASSWORD = 'Passw0rd!';
let hashed: Promise<string> | undefined;
// scrypt is slow on purpose; hash the shared test password once per process.
const passwordHash = () => {
  hashed ??= hashPassword(TEST_PASSWORD);
  return hashed;
};

export const uniq = (prefix = '') => `${prefix}${randomBytes(4).toString('hex')}`;

export async function makeDepartment(db: Db, opts: { name?: string; parentId?: string | null; managerId?: string | null } = {}) {
  const row = await db
    .insertInto('departments')
    .values({ name: opts.name ?? uniq('部门'), parent_id: opts.parentId ?? null, manager_id: opts.managerId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeUser(db: Db, opts: { role?: string; roles?: string[]; departmentId?: string | null; username?: string } = {}) {
  const username = opts.username ?? uniq('u');
  const id = await createUser(
    db,
    { username, displayName: username, password: TEST_PASSWORD, roles: opts.roles ?? [opts.role ?? 'rep'], departmentId: opts.departmentId ?? null },
    await passwordHash(),
  );
  return { id, username };
}

/** A user with a role, signed in and ready to call the API. */
export async function makeClient(app: FastifyInstance, db: Db, opts: Parameters<typeof makeUser>[1] = {}): Promise<Client & { username: string }> {
  const user = await makeUser(db, opts);
  return { ...(await login(app, user.username, TEST_PASSWORD)), username: user.username };
}

/**
 * A fresh sales team per test, so tests never see each other's data:
 * 销售中心 → 华东 → 上海组, plus 华南, with a director, managers and reps.
 */
export async function makeTeam(app: FastifyInstance, db: Db) {
  const center = await makeDepartment(db, { name: uniq('销售中心') });
  const east = await makeDepartment(db, { name: uniq('华东'), parentId: center });
  const shanghai = await makeDepartment(db, { name: uniq('上海组'), parentId: east });
  const south = await makeDepartment(db, { name: uniq('华南'), parentId: center });
  const [director, eastManager, southManager, repA, repB, repSouth] = await Promise.all([
    makeClient(app, db, { role: 'director', departmentId: center }),
    makeClient(app, db, { role: 'manager', departmentId: east }),
    makeClient(app, db, { role: 'manager', departmentId: south }),
    makeClient(app, db, { role: 'rep', departmentId: shanghai }),
    makeClient(app, db, { role: 'rep', departmentId: shanghai }),
    makeClient(app, db, { role: 'rep', departmentId: south }),
  ]);
  return { departments: { center, east, shanghai, south }, director, eastManager, southManager, repA, repB, repSouth };
}

export async function makeCustomer(client: Client, fields: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/customers', { name: uniq('客户'), ...fields });
  if (res.status !== 201) throw new Error(`makeCustomer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function makeContact(client: Client, customerId: string, fields: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/contacts', { customerId, name: uniq('联系人'), ...fields });
  if (res.status !== 201) throw new Error(`makeContact: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
