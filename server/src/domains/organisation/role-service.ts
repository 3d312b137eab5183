import { BUILT_IN_ROLES } from '@contracts/permissions.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/**
 * Inserts the built-in roles that are missing and merges permissions that later releases added to
 * an existing built-in role. Only permissions never offered before are granted, so an admin's
 * removals and additions survive upgrades (see migration 0009).
 */
export async function ensureBuiltInRoles(db: Db): Promise<void> {
  for (const role of BUILT_IN_ROLES) {
    const offered = JSON.stringify(role.permissions);
    await db
      .insertInto('roles')
      .values({
        key: role.key,
        name: role.name,
        built_in: true,
        data_scope: role.dataScope,
        permissions: offered,
        offered_permissions: offered,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const existing = await db
      .selectFrom('roles')
      .select(['id', 'permissions', 'offered_permissions'])
      .where('key', '=', role.key)
      .where('built_in', '=', true)
      .executeTakeFirst();
    if (!existing) continue;
    const previouslyOffered = new Set(existing.offered_permissions ?? existing.permissions);
    const added = role.permissions.filter((p) => !previouslyOffered.has(p) && !existing.permissions.includes(p));
    const sameOffer = existing.offered_permissions !== null && sameMembers(existing.offered_permissions, role.permissions);
    if (added.length === 0 && sameOffer) continue;
    await db
      .updateTable('roles')
      .set({
        permissions: JSON.stringify([...existing.permissions, ...added]),
        offered_permissions: offered,
        ...(added.length > 0 ? { updated_at: sql<Date>`now()`, version: sql<number>`version + 1` } : {}),
      })
      .where('id', '=', existing.id)
      .execute();
  }
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
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
