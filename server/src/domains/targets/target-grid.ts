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

/**
 * The department that stands for the whole company: the only top department (a 总公司 above everything),
 * or null when the tree has several tops (or none).
 */
export async function soleTopDepartment(db: Db): Promise<string | null> {
  const tops = await db
    .selectFrom('departments')
    .select('id')
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .limit(2)
    .execute();
  return tops.length === 1 ? tops[0].id : null;
}

/*
 * The rows a target splits over, along the department tree (company → department → person): any owner's
 * direct sub-departments and the people directly in it. The company's are the top departments and the
 * people in no department — or, when one top department holds everything (总公司), that department's
 * sub-departments and people, since a split to a single row says nothing. A sub-department's share becomes
 * the ceiling of its own target, split further by its manager. People who left but still hold cells stay
 * as rows, so nothing saved disappears from the grid.
 */
export async function gridRows(db: Db, targetId: string | null, departmentId: string | null): Promise<GridRow[]> {
  const owner = departmentId ?? (await soleTopDepartment(db));
  const { rows } = await sql<GridRow & { ord: number }>`
    SELECT NULL::uuid AS "userId", d.id AS "departmentId", d.name, 'department' AS kind, false AS inactive, 0 AS ord, d.sort_order, d.name AS sort_name
      FROM departments d
     WHERE d.deleted_at IS NULL AND ${owner ? sql`d.parent_id = ${owner}` : sql`d.parent_id IS NULL`}
    UNION ALL
    SELECT u.id, NULL, u.display_name, 'person', NOT u.active, 1, 0, u.display_name
      FROM users u
     WHERE (${owner ? sql`u.department_id = ${owner}` : sql`u.department_id IS NULL`} AND u.active)
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

const sameKind = (key: TargetKeyValues) =>
  sql<boolean>`p.type = ${key.type} AND p.year = ${key.year} AND p.deleted_at IS NULL
    AND p.dimension IS NOT DISTINCT FROM ${key.dimension} AND p.dimension_value IS NOT DISTINCT FROM ${key.dimension_value}`;

/** The target of the same type, year and dimension owned by a department (or the company, null). */
async function targetOf(db: Db, key: TargetKeyValues, departmentId: string | null) {
  const { rows } = await sql<{ id: string; amount: string }>`
    SELECT p.id, p.amount::text AS amount FROM targets p
     WHERE ${sameKind(key)} AND p.department_id IS NOT DISTINCT FROM ${departmentId}`.execute(db);
  return rows[0] ?? null;
}

async function cellsFor(db: Db, targetId: string, departmentId: string): Promise<string> {
  const { rows } = await sql<{ s: string | null }>`
    SELECT sum(amount)::numeric(16,2)::text AS s FROM target_cells WHERE target_id = ${targetId} AND department_id = ${departmentId}`.execute(
    db,
  );
  return rows[0]?.s ?? '0.00';
}

/**
 * What the target one level up gives this department: the sum of its cells for the department in the
 * parent department's target. Where the parent has none but the company's grid offers the department
 * (a top department, or a child of the sole top department), the company's target gives it. The sole
 * top department itself stands for the company: its own target may reach the company's whole amount.
 * Null when there is no such target — then nothing above limits this one.
 */
export async function parentAllocation(db: Db, key: TargetKeyValues): Promise<string | null> {
  const departmentId = key.department_id;
  if (!departmentId) return null;
  const d = await db.selectFrom('departments').select('parent_id').where('id', '=', departmentId).executeTakeFirst();
  if (!d) return null;
  const parent = d.parent_id ? await targetOf(db, key, d.parent_id) : null;
  if (parent) return cellsFor(db, parent.id, departmentId);
  const root = await soleTopDepartment(db);
  if (d.parent_id !== null && d.parent_id !== root) return null;
  const company = await targetOf(db, key, null);
  if (!company) return null;
  return departmentId === root ? company.amount : cellsFor(db, company.id, departmentId);
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
