import type { TargetType } from '@contracts/targets.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { sumMoney } from '../../platform/money.js';

/** The target of one owner (person, department or the company, `null`) over some months of one year. */
export interface TargetFigure {
  kind: 'company' | 'department' | 'person';
  id: string | null;
  target: string | null;
}

interface DeptRow {
  id: string;
  parent_id: string | null;
  own: string | null;
  share: string | null;
}

/**
 * T2: what each owner is to reach in the months asked for (a year, a quarter or a month of one year).
 * A person: the sum of his cells in every target of the type. A department or the company: the sum of
 * its own target's cells (an own target not yet split counts whole for the year, and not at all for
 * shorter periods); else, for a department, what its parent's target gives it; else the roll-up — the
 * sum of its sub-departments' targets (by the same rule) and of its own people's (for the company: the
 * top departments' and the people in no department). Null only when nothing below has a target either.
 * A dimension (one product category or region) reads only the targets set for it.
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
  const t = sql`SELECT id, department_id, amount, EXISTS (SELECT 1 FROM target_cells c WHERE c.target_id = targets.id) AS split
                  FROM targets WHERE type = ${type} AND year = ${year} AND deleted_at IS NULL
                   AND dimension IS NOT DISTINCT FROM ${dimension.kind} AND dimension_value IS NOT DISTINCT FROM ${dimension.value}`;
  const own = (owner: ReturnType<typeof sql>) => sql`(SELECT CASE WHEN t.split THEN (SELECT COALESCE(sum(c.amount), 0)::numeric(16,2)::text
                                                                  FROM target_cells c WHERE c.target_id = t.id AND ${inRange})
                              WHEN ${whole} THEN t.amount::text END FROM t WHERE ${owner})`;
  // The whole tree in one pass: a roll-up needs every department below the ones asked for.
  const { rows: depts } = await sql<DeptRow>`
    WITH t AS (${t})
    SELECT d.id, d.parent_id, ${own(sql`t.department_id = d.id`)} AS own,
           (SELECT sum(c.amount)::numeric(16,2)::text FROM target_cells c JOIN t ON t.id = c.target_id
             WHERE c.department_id = d.id AND ${inRange}) AS share
      FROM departments d WHERE d.deleted_at IS NULL`.execute(db);
  const { rows: people } = await sql<{ id: string; department_id: string | null; target: string }>`
    WITH t AS (${t})
    SELECT u.id, u.department_id, sum(c.amount)::numeric(16,2)::text AS target
      FROM target_cells c JOIN t ON t.id = c.target_id JOIN users u ON u.id = c.user_id
     WHERE ${inRange} GROUP BY u.id, u.department_id`.execute(db);
  const { rows: company } = await sql<{ own: string | null }>`WITH t AS (${t}) SELECT ${own(sql`t.department_id IS NULL`)} AS own`.execute(
    db,
  );

  const personTarget = new Map(people.map((p) => [p.id, p.target]));
  const childrenOf = new Map<string | null, DeptRow[]>();
  for (const d of depts) childrenOf.set(d.parent_id, [...(childrenOf.get(d.parent_id) ?? []), d]);
  const peopleIn = new Map<string | null, string[]>();
  for (const p of people) peopleIn.set(p.department_id, [...(peopleIn.get(p.department_id) ?? []), p.target]);
  const memo = new Map<string, string | null>();
  const rollUp = (parent: string | null): string | null => {
    const parts = [...(childrenOf.get(parent) ?? []).map(deptTarget), ...(peopleIn.get(parent) ?? [])].filter(
      (v): v is string => v !== null,
    );
    return parts.length ? sumMoney(parts) : null;
  };
  function deptTarget(d: DeptRow): string | null {
    if (!memo.has(d.id)) memo.set(d.id, d.own ?? d.share ?? rollUp(d.id));
    return memo.get(d.id) ?? null;
  }
  const byId = new Map(depts.map((d) => [d.id, d]));
  return [
    ...owners.userIds.map((id) => ({ kind: 'person' as const, id, target: personTarget.get(id) ?? null })),
    ...owners.departmentIds.map((id) => {
      const d = byId.get(id);
      return { kind: 'department' as const, id, target: d ? deptTarget(d) : null };
    }),
    ...(owners.company ? [{ kind: 'company' as const, id: null, target: company[0]?.own ?? rollUp(null) }] : []),
  ];
}
