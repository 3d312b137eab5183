import type { Locale } from '@contracts/common.js';
import type { ListQueryBase } from '@contracts/common.js';
import { sql } from 'kysely';
import { departmentSubtree } from '../../platform/access/department-subtree.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { likePattern } from '../../platform/records/list-query.js';
import { assertDepartmentExists } from './department-service.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  departmentId?: string | null;
  email?: string | null;
  mobile?: string | null;
  locale?: Locale;
}

const SELF_DEACTIVATION: Record<Locale, string> = {
  'zh-CN': '不能停用自己的账号',
  'zh-TW': '不能停用自己的帳號',
  en: 'You cannot deactivate yourself',
};

/** Nobody deactivates their own account (by editing it or by handing over its records): it would lock them out mid-task. */
export function assertNotDeactivatingSelf(actorId: string, userId: string, locale: Locale): void {
  if (actorId === userId) throw new AppError('BUSINESS_RULE', { params: { detail: SELF_DEACTIVATION[locale] } });
}

/**
 * Checked inside the transaction after a change to users, roles or role permissions: nobody may
 * lock the company out by removing, deactivating or demoting the last active administrator.
 */
export async function assertAdminRemains(trx: Db): Promise<void> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM users u
      JOIN user_roles ur ON ur.user_id = u.id
      JOIN roles r ON r.id = ur.role_id
     WHERE u.active AND r.permissions ? '*'`.execute(trx);
  if ((rows[0]?.n ?? 0) === 0) throw new AppError('LAST_ADMIN');
}

async function roleIds(trx: Db, keys: string[]): Promise<string[]> {
  const rows = await trx.selectFrom('roles').select(['id', 'key']).where('key', 'in', keys).execute();
  if (rows.length !== new Set(keys).size) throw new AppError('VALIDATION', { fields: { roles: { key: 'invalid_value' } } });
  return rows.map((r) => r.id);
}

export async function setUserRoles(trx: Db, userId: string, keys: string[]): Promise<void> {
  const ids = await roleIds(trx, keys);
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  await trx
    .insertInto('user_roles')
    .values(ids.map((role_id) => ({ user_id: userId, role_id })))
    .execute();
}

/** Used by the admin API, the CLI and the demo seed alike; the caller supplies the transaction. */
export async function createUser(trx: Db, u: NewUser, passwordHash?: string): Promise<string> {
  await assertDepartmentExists(trx, u.departmentId, 'departmentId');
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', u.username.toLowerCase()))
    .executeTakeFirst();
  if (taken) throw new AppError('VALIDATION', { fields: { username: { key: 'duplicate' } } });
  const row = await trx
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: passwordHash ?? (await hashPassword(u.password)),
      department_id: u.departmentId ?? null,
      email: u.email ?? null,
      mobile: u.mobile ?? null,
      locale: u.locale ?? 'zh-CN',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setUserRoles(trx, row.id, u.roles);
  return row.id;
}

const USER_COLUMNS = sql`u.id, u.username, u.display_name, u.email, u.mobile, u.department_id, d.name AS department_name,
  u.active, u.locale, u.totp_enabled, u.last_login_at, u.created_at, u.version,
  coalesce((SELECT array_agg(r.key ORDER BY r.key) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id), '{}') AS roles`;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  mobile: string | null;
  department_id: string | null;
  department_name: string | null;
  active: boolean;
  locale: Locale;
  totp_enabled: boolean;
  last_login_at: Date | null;
  created_at: Date;
  version: number;
  roles: string[];
}

const toApi = (r: UserRow) => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  email: r.email,
  mobile: r.mobile,
  departmentId: r.department_id,
  departmentName: r.department_name,
  roles: r.roles,
  active: r.active,
  locale: r.locale,
  totpEnabled: r.totp_enabled,
  lastLoginAt: r.last_login_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

export async function getUser(db: Db, id: string) {
  const { rows } =
    await sql<UserRow>`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = ${id}`.execute(
      db,
    );
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return toApi(rows[0]);
}

export async function listUsers(db: Db, q: ListQueryBase & { departmentId?: string; role?: string; active?: 'true' | 'false' }) {
  const where = [sql`true`];
  if (q.q) where.push(sql`(u.username ILIKE ${likePattern(q.q)} OR u.display_name ILIKE ${likePattern(q.q)})`);
  // A department means its sub-departments too, as in the data scopes.
  if (q.departmentId) where.push(sql`u.department_id = ANY(${departmentSubtree(q.departmentId)})`);
  if (q.active) where.push(sql`u.active = ${q.active === 'true'}`);
  if (q.role)
    where.push(sql`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.key = ${q.role})`);
  const cond = sql.join(where, sql` AND `);
  const sortable: Record<string, string> = {
    username: 'u.username',
    displayName: 'u.display_name',
    createdAt: 'u.created_at',
    lastLoginAt: 'u.last_login_at',
  };
  const key = q.sort?.replace(/^-/, '') ?? 'createdAt';
  const col = sortable[key] ?? 'u.created_at';
  const dir = q.sort?.startsWith('-') ? sql`DESC` : sql`ASC`;
  const { rows } = await sql<UserRow & { total: number }>`
    SELECT ${USER_COLUMNS}, count(*) OVER ()::int AS total FROM users u LEFT JOIN departments d ON d.id = u.department_id
     WHERE ${cond} ORDER BY ${sql.raw(col)} ${dir} NULLS LAST, u.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  return { items: rows.map(toApi), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}
