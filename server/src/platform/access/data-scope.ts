import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from './actor.js';
import { departmentSubtree } from './department-subtree.js';

/** The owner and department filters every list, report and board offers; they narrow the scope, never widen it. */
export interface ScopeNarrowing {
  ownerId?: string;
  /** The department and its sub-departments. */
  departmentId?: string;
}

/**
 * P2, enforced once: the row filter for what an actor may see, on any table with the record base
 * (owner_id, owner_dept_id) or a table of totals kept per owner and department. Every business
 * query, list, report, board, export, search and job goes through this; there is no unscoped
 * business query for routes to call. With `narrow`, the caller's owner / department filter and
 * any further conditions of its own (`and`, e.g. a pipeline) are joined into the same condition.
 */
export function scopeFilter(
  actor: Actor,
  alias?: string,
  narrow?: ScopeNarrowing & { and?: readonly RawBuilder<unknown>[] },
): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  const scope = actorScope(actor, col);
  if (!narrow) return scope;
  const parts: RawBuilder<unknown>[] = [scope];
  if (narrow.ownerId) parts.push(sql`${col('owner_id')} = ${narrow.ownerId}`);
  if (narrow.departmentId) parts.push(sql`${col('owner_dept_id')} = ANY(${departmentSubtree(narrow.departmentId)})`);
  parts.push(...(narrow.and ?? []));
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

function actorScope(actor: Actor, col: (name: string) => RawBuilder<unknown>): RawBuilder<SqlBool> {
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

/**
 * The same scope on departments rather than rows, for figures rolled up per department (on
 * `departments <alias>`): none for an own-scope rep, the visible subtree for a manager, all live
 * departments for company-wide roles; within the filter's subtree when one is set.
 */
export function departmentScopeFilter(actor: Actor, alias: string, departmentId?: string): RawBuilder<SqlBool> {
  const id = sql.ref(`${alias}.id`);
  const parts: RawBuilder<unknown>[] = [sql`${sql.ref(`${alias}.deleted_at`)} IS NULL`];
  if (actor.scope === 'own') parts.push(sql`false`);
  if (actor.scope === 'department') parts.push(sql`${id} = ANY(${sql.val(actor.visibleDeptIds)}::uuid[])`);
  if (departmentId) parts.push(sql`${id} = ANY(${departmentSubtree(departmentId)})`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/** Whether the actor's scope covers a given owner (used before assigning or transferring). */
export function scopeCovers(actor: Actor, owner: { ownerId: string; ownerDeptId: string | null }): boolean {
  if (actor.scope === 'all') return true;
  if (owner.ownerId === actor.userId) return true;
  return actor.scope === 'department' && owner.ownerDeptId !== null && actor.visibleDeptIds.includes(owner.ownerDeptId);
}
