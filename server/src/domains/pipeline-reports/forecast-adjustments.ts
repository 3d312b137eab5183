import type { ForecastAdjustment, createForecastAdjustmentBody, forecastAdjustmentListQuery } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { monthStart } from './report-filters.js';

interface Row {
  id: string;
  department_id: string;
  month: string;
  amount: string | null;
  note: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const toApi = (r: Row): ForecastAdjustment => ({
  id: r.id,
  departmentId: r.department_id,
  month: r.month.slice(0, 7),
  amount: r.amount,
  note: r.note,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
});

/** The adjustment in force per department and month: the latest one, unless it withdrew the number. */
export async function latestAdjustments(db: Db, departmentIds: string[], fromDate: string, toDateExclusive: string) {
  const { rows } = await sql<Row>`
    SELECT * FROM (
      SELECT DISTINCT ON (a.department_id, a.month) a.id, a.department_id, a.month::text AS month, a.amount, a.note, a.created_by,
             u.display_name AS created_by_name, a.created_at
        FROM forecast_adjustments a LEFT JOIN users u ON u.id = a.created_by
       WHERE a.department_id = ANY(${sql.val(departmentIds)}::uuid[]) AND a.month >= ${fromDate}::date AND a.month < ${toDateExclusive}::date
       ORDER BY a.department_id, a.month, a.created_at DESC, a.id DESC
    ) latest WHERE amount IS NOT NULL`.execute(db);
  return rows.map(toApi);
}

/**
 * A manager's number for a department he manages (scope department: within his subtree; the
 * director: any). Reps have no team number to set.
 */
async function assertTeamVisible(db: Db, actor: Actor, departmentId: string) {
  if (actor.scope === 'own') throw new AppError('FORBIDDEN');
  const dept = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!dept || (actor.scope === 'department' && !actor.visibleDeptIds.includes(departmentId))) throw new AppError('NOT_FOUND');
}

export async function createAdjustment(db: Db, actor: Actor, b: z.infer<typeof createForecastAdjustmentBody>) {
  await assertTeamVisible(db, actor, b.departmentId);
  const row = await db
    .insertInto('forecast_adjustments')
    .values({ department_id: b.departmentId, month: monthStart(b.month), amount: b.amount, note: b.note, created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { rows } = await sql<Row>`
    SELECT a.id, a.department_id, a.month::text AS month, a.amount, a.note, a.created_by, u.display_name AS created_by_name, a.created_at
      FROM forecast_adjustments a LEFT JOIN users u ON u.id = a.created_by WHERE a.id = ${row.id}`.execute(db);
  return toApi(rows[0]);
}

/** Every adjustment of a department (optionally one month), newest first: the history of the team's number. */
export async function listAdjustments(db: Db, actor: Actor, q: z.infer<typeof forecastAdjustmentListQuery>) {
  await assertTeamVisible(db, actor, q.departmentId);
  const month = q.month ? sql`AND a.month = ${monthStart(q.month)}::date` : sql``;
  const { rows } = await sql<Row & { total: number }>`
    SELECT a.id, a.department_id, a.month::text AS month, a.amount, a.note, a.created_by, u.display_name AS created_by_name, a.created_at,
           count(*) OVER ()::int AS total
      FROM forecast_adjustments a LEFT JOIN users u ON u.id = a.created_by
     WHERE a.department_id = ${q.departmentId} ${month}
     ORDER BY a.created_at DESC, a.id DESC
     LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.page > 1) {
    const c = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM forecast_adjustments a WHERE a.department_id = ${q.departmentId} ${month}`.execute(db);
    total = c.rows[0].n;
  }
  return { items: rows.map(toApi), total, page: q.page, pageSize: q.pageSize };
}
