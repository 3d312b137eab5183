import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createUser } from '../domains/organisation/user-service.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Db } from '../platform/db/database.js';
import { type Client, call, login } from './test-app.js';

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
    {
      username,
      displayName: username,
      password: TEST_PASSWORD,
      roles: opts.roles ?? [opts.role ?? 'rep'],
      departmentId: opts.departmentId ?? null,
    },
    await passwordHash(),
  );
  return { id, username };
}

/** A user with a role, signed in and ready to call the API. */
export async function makeClient(
  app: FastifyInstance,
  db: Db,
  opts: Parameters<typeof makeUser>[1] = {},
): Promise<Client & { username: string }> {
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

/** A rep alone in a department of their own: for tests that need one ordinary user (one sign-in, not a team's six). */
export async function makeRep(app: FastifyInstance, db: Db) {
  const departmentId = await makeDepartment(db);
  return { ...(await makeClient(app, db, { role: 'rep', departmentId })), departmentId };
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

/** An administrator of their own (the '*' permission, scope all). */
export const makeAdmin = (app: FastifyInstance, db: Db) => makeClient(app, db, { role: 'admin' });

/** A sign-in attempt through the real endpoint, from a given address and in a given language. */
export function attemptLogin(
  app: FastifyInstance,
  body: { username: string; password: string; totpCode?: string },
  opts: { ip?: string; locale?: string } = {},
) {
  return call(app, 'POST', '/api/v1/auth/login', { body, ip: opts.ip, headers: opts.locale ? { 'x-locale': opts.locale } : {} });
}

/** A fresh address per test, so per-IP counting in one test never spills into another. */
export const uniqIp = () => `10.${randomBytes(3).join('.')}`;

/** An id that exists nowhere. */
export const unknownId = () => randomUUID();

/** Rows in a table, optionally filtered by one column: the "nothing was written" check. */
export async function countRows(db: Db, table: string, where?: [column: string, value: unknown]): Promise<number> {
  const filter = where ? sql`WHERE ${sql.ref(where[0])} = ${where[1]}` : sql``;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} ${filter}`.execute(db);
  return rows[0].n;
}

/** The raw history rows of one record, oldest first. */
export async function historyRows(db: Db, entity: string, recordId: string) {
  return db
    .selectFrom('record_history')
    .select(['action', 'field', 'old_value', 'new_value', 'actor_id'])
    .where('entity', '=', entity)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}
