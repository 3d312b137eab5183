import { BUILT_IN_ROLES } from '@contracts/permissions.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/**
 * Inserts the built-in roles that are missing and merges permissions that later releases added to
 * an existing built-in role. Only permissions never offered before are granted, so an admin's
 * removals and additions survive upgrades (see migration 0009).
 */
export async function ensureBuiltInRoles(db: Db): Promise<void> {
  // One read at every start; writes only when a release changed a definition (start-up time).
  const existing = new Map(
    (await db.selectFrom('roles').select(['id', 'key', 'built_in', 'permissions', 'offered_permissions']).execute()).map((r) => [r.key, r]),
  );
  const missing = BUILT_IN_ROLES.filter((role) => !existing.has(role.key));
  if (missing.length > 0) {
    await db
      .insertInto('roles')
      .values(
        missing.map((role) => ({
          key: role.key,
          name: role.name,
          built_in: true,
          data_scope: role.dataScope,
          permissions: JSON.stringify(role.permissions),
          offered_permissions: JSON.stringify(role.permissions),
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  for (const role of BUILT_IN_ROLES) {
    const row = existing.get(role.key);
    if (!row?.built_in) continue;
    const previouslyOffered = new Set(row.offered_permissions ?? row.permissions);
    const added = role.permissions.filter((p) => !previouslyOffered.has(p) && !row.permissions.includes(p));
    const sameOffer = row.offered_permissions !== null && sameMembers(row.offered_permissions, role.permissions);
    if (added.length === 0 && sameOffer) continue;
    await db
      .updateTable('roles')
      .set({
        permissions: JSON.stringify([...row.permissions, ...added]),
        offered_permissions: JSON.stringify(role.permissions),
        ...(added.length > 0 ? { updated_at: sql<Date>`now()`, version: sql<number>`version + 1` } : {}),
      })
      .where('id', '=', row.id)
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
    require_totp: boolean;
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
    requireTotp: r.require_totp,
    userCount: r.user_count,
    version: r.version,
  }));
}
