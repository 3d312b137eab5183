import type { TargetType } from '@contracts/targets.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** The target of one owner (person, department or the company, `null`) over some months of one year. */
export interface TargetFigure {
  kind: 'company' | 'department' | 'person';
  id: string | null;
  target: string | null;
}

/**
 * T2: what each owner is to reach in the months asked for (a year, a quarter or a month of one year).
 * A person: the sum of his cells in every target of the type. A department or the company: the sum of
 * its own target's cells; an own target not yet split counts whole for the year and is unknown for
 * shorter periods; without an own target, a department has what its parent's target gives it. A
 * dimension (one product category or region) reads only the targets set for it.
 */
export async function targetFigures(
  db: Db,
  type: TargetType,
  year: number,
  months: number[],
  owners: { userIds: string[]; departmentIds: string[]; company: boolean },
  dimension: { kind: string | null; value: string | null } = { kind: null, value: null },
): Promise<TargetFigure[]> {
  const whole = months.length === 12;
  const inRange = sql`c.month = ANY(${sql.val(months)}::int[])`;
  const { rows } = await sql<TargetFigure>`
    WITH t AS (SELECT id, department_id, amount, EXISTS (SELECT 1 FROM target_cells c WHERE c.target_id = targets.id) AS split
                 FROM targets WHERE type = ${type} AND year = ${year} AND deleted_at IS NULL
                  AND dimension IS NOT DISTINCT FROM ${dimension.kind} AND dimension_value IS NOT DISTINCT FROM ${dimension.value})
    SELECT 'person' AS kind, u.id, (SELECT sum(c.amount)::numeric(16,2)::text FROM target_cells c JOIN t ON t.id = c.target_id
                                     WHERE c.user_id = u.id AND ${inRange}) AS target
      FROM unnest(${sql.val(owners.userIds)}::uuid[]) AS u(id)
    UNION ALL
    SELECT 'department', d.id, COALESCE(
             (SELECT CASE WHEN t.split THEN (SELECT COALESCE(sum(c.amount), 0)::numeric(16,2)::text FROM target_cells c
                                              WHERE c.target_id = t.id AND ${inRange})
                          WHEN ${whole} THEN t.amount::text END
                FROM t WHERE t.department_id = d.id),
             (SELECT sum(c.amount)::numeric(16,2)::text FROM target_cells c JOIN t ON t.id = c.target_id
               WHERE c.department_id = d.id AND ${inRange}))
      FROM unnest(${sql.val(owners.departmentIds)}::uuid[]) AS d(id)
    UNION ALL
    SELECT 'company', NULL, (SELECT CASE WHEN t.split THEN (SELECT COALESCE(sum(c.amount), 0)::numeric(16,2)::text FROM target_cells c
                                                             WHERE c.target_id = t.id AND ${inRange})
                                         WHEN ${whole} THEN t.amount::text END
                               FROM t WHERE t.department_id IS NULL)
     WHERE ${owners.company}`.execute(db);
  return rows;
}
