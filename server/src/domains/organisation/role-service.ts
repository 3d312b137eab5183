import { BUILT_IN_ROLES } from '@contracts/permissions.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** Inserts the built-in roles that are missing; an admin's edits to existing ones are kept. */
export async function ensureBuiltInRoles(db: Db): Promise<void> {
  for (const role of BUILT_IN_ROLES) {
    await db
      .insertInto('roles')
      .values({
        key: role.key,
        name: role.name,
        built_in: true,
        data_scope: role.dataScope,
        permissions: JSON.stringify(role.permissions),
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
}

export async function listRoles(db: Db) {
  const { rows } = await sql<{
    id: string;
    key: string;
    name: string;
    built_in: boolean;
    data_scope: 'own' | 'department' | 'all';
    permissions: string[];
    version: number;
    user_count: number;
  }>`SELECT r.*, (SELECT count(*)::int FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE ur.role_id = r.id AND u.active) AS user_count
       FROM roles r ORDER BY r.built_in DESC, r.created_at`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    builtIn: r.built_in,
    dataScope: r.data_scope,
    permissions: r.permissions,
    userCount: r.user_count,
    version: r.version,
  }));
}
