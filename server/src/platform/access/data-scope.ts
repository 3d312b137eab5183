import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from './actor.js';

/**
 * P2, enforced once: the row filter for what an actor may see, on any table with the
 * record base (owner_id, owner_dept_id). Every business query, report, export and search
 * goes through this; there is no unscoped business query for routes to call.
 */
export function scopeFilter(actor: Actor, alias?: string): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  switch (actor.scope) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'department':
      if (actor.visibleDeptIds.length === 0) return sql<SqlBool>`${col('owner_id')} = ${actor.userId}`;
      return sql<SqlBool>`(${col('owner_dept_id')} = ANY(${sql.val(actor.visibleDeptIds)}::uuid[]) OR ${col('owner_id')} = ${actor.userId})`;
    default:
      return sql<SqlBool>`${col('owner_id')} = ${actor.userId}`;
  }
}

/** Whether the actor's scope covers a given owner (used before assigning or transferring). */
export function scopeCovers(actor: Actor, owner: { ownerId: string; ownerDeptId: string | null }): boolean {
  if (actor.scope === 'all') return true;
  if (owner.ownerId === actor.userId) return true;
  return actor.scope === 'department' && owner.ownerDeptId !== null && actor.visibleDeptIds.includes(owner.ownerDeptId);
}

export type ScopeExpression = Expression<SqlBool>;
