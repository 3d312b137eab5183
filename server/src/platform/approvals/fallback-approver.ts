import type { Db } from '../db/database.js';

/**
 * The fallback approver a shipped flow names: the first active administrator. A step nobody can
 * approve goes to him rather than passing silently; without one no default flow is offered.
 */
export async function firstActiveAdmin(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select('users.id')
    .where('roles.key', '=', 'admin')
    .where('users.active', '=', true)
    .orderBy('users.created_at')
    .executeTakeFirst();
  return row?.id ?? null;
}
