import type { GridRow, TargetType } from '@contracts/targets.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** A target's identity: type, year, department, dimension. */
export interface TargetKeyValues {
  type: TargetType;
  year: number;
  department_id: string | null;
  dimension: string | null;
  dimension_value: string | null;
}

/*
 * The rows a target splits over, along the department tree: the company's over the top departments;
 * a department's over its own people and its direct sub-departments (whose share becomes the ceiling
 * of their own targets, split further by their managers). People who left but still hold cells stay
 * as rows, so nothing saved disappears from the grid.
 */
export async function gridRows(db: Db, targetId: string | null, departmentId: string | null): Promise<GridRow[]> {
  const { rows } = await sql<GridRow & { ord: number }>`
    SELECT NULL::uuid AS "userId", d.id AS "departmentId", d.name, 'department' AS kind, false AS inactive, 0 AS ord, d.sort_order, d.name AS sort_name
      FROM departments d
     WHERE d.deleted_at IS NULL AND ${departmentId ? sql`d.parent_id = ${departmentId}` : sql`d.parent_id IS NULL`}
    UNION ALL
    SELECT u.id, NULL, u.display_name, 'person', NOT u.active, 1, 0, u.display_name
      FROM users u
     WHERE ${departmentId ? sql`u.department_id = ${departmentId} AND u.active` : sql`false`}
        OR u.id IN (SELECT c.user_id FROM target_cells c WHERE c.target_id = ${targetId} AND c.user_id IS NOT NULL)
     ORDER BY ord, sort_order, sort_name`.execute(db);
  // People come first: a manager splits mostly to his reps; sub-departments follow.
  const people = rows.filter((r) => r.kind === 'person');
  const units = rows.filter((r) => r.kind === 'department');
  return [...people, ...units].map(({ userId, departmentId: d, name, kind, inactive }) => ({
    userId,
    departmentId: d,
    name,
    kind,
    inactive,
  }));
}

/**
 * What the target one level up gives this department: the sum of its cells for the department in the
 * parent department's target (the company's for a top department) of the same type and year. Null
 * when there is no such target — then nothing above limits this one.
 */
export async function parentAllocation(db: Db, key: TargetKeyValues): Promise<string | null> {
  const { type, year, department_id: departmentId } = key;
  if (!departmentId) return null;
  const { rows } = await sql<{ allocation: string | null; found: boolean }>`
    SELECT (SELECT sum(c.amount)::numeric(16,2)::text FROM target_cells c WHERE c.target_id = p.id AND c.department_id = ${departmentId}) AS allocation,
           true AS found
      FROM departments d
      JOIN targets p ON p.type = ${type} AND p.year = ${year} AND p.deleted_at IS NULL
                    AND p.department_id IS NOT DISTINCT FROM d.parent_id
                    AND p.dimension IS NOT DISTINCT FROM ${key.dimension} AND p.dimension_value IS NOT DISTINCT FROM ${key.dimension_value}
     WHERE d.id = ${departmentId}`.execute(db);
  if (!rows[0]?.found) return null;
  return rows[0].allocation ?? '0.00';
}

/** The own targets of sub-departments this target gives a share to: each may not get less than it. */
export async function childTargets(db: Db, key: TargetKeyValues, departmentIds: string[]) {
  if (departmentIds.length === 0) return [];
  return db
    .selectFrom('targets as t')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .select(['t.department_id as departmentId', 't.amount', 'd.name'])
    .where('t.type', '=', key.type)
    .where('t.year', '=', key.year)
    .where(
      sql<boolean>`t.dimension IS NOT DISTINCT FROM ${key.dimension} AND t.dimension_value IS NOT DISTINCT FROM ${key.dimension_value}`,
    )
    .where('t.deleted_at', 'is', null)
    .where('t.department_id', 'in', departmentIds)
    .execute();
}
