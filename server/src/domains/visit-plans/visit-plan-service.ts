import type { createVisitPlanBody, updateVisitPlanBody, visitPlanListQuery, visitSummaryQuery } from '@contracts/visit-plans.js';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { ownerNames, type RecordBaseRow, titlesById } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { visitPlanEntity } from './visit-plan-entity.js';
import type { VisitPlanTable } from './visit-plan-table.js';

type VisitPlanRow = Selectable<VisitPlanTable>;

/** done: a visit was logged for it; missed: its day is over without one; planned otherwise. */
export function visitStatus(row: { fulfilled_by: string | null; plan_date: string }, today: string): 'planned' | 'done' | 'missed' {
  if (row.fulfilled_by) return 'done';
  return row.plan_date < today ? 'missed' : 'planned';
}

async function toApi(db: Db, rows: VisitPlanRow[], today: string) {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const names = await titlesById(
    db,
    'customers',
    rows.map((r) => r.customer_id),
  );
  return rows.map((r) => ({
    ...base(r as unknown as RecordBaseRow),
    planDate: r.plan_date,
    customerId: r.customer_id,
    customerName: names.get(r.customer_id) ?? '',
    contactId: r.contact_id,
    purpose: r.purpose,
    fulfilledBy: r.fulfilled_by,
    status: visitStatus(r, today),
  }));
}

export async function listVisitPlans(db: Db, actor: Actor, q: z.infer<typeof visitPlanListQuery>, today: string) {
  let f = db
    .selectFrom('visit_plans')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where(scopeFilter(actor))
    .where('plan_date', '>=', q.from)
    .where('plan_date', '<=', q.to);
  if (q.ownerId) f = f.where('owner_id', '=', q.ownerId);
  const rows = await f.orderBy('plan_date').orderBy('created_at').limit(2000).execute();
  return toApi(db, rows, today);
}

export async function getVisitPlan(db: Db, actor: Actor, id: string, today: string) {
  const row = (await findVisible(db, actor, visitPlanEntity, id)) as unknown as VisitPlanRow;
  return (await toApi(db, [row], today))[0];
}

/** A visit already logged that day for the customer by the plan's owner fulfils a plan made afterwards. */
async function matchingVisit(trx: Db, ownerId: string, customerId: string, planDate: string, timeZone: string) {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM follow_ups WHERE deleted_at IS NULL AND type = 'visit' AND owner_id = ${ownerId} AND customer_id = ${customerId}
       AND (occurred_at AT TIME ZONE ${timeZone})::date = ${planDate}::date ORDER BY occurred_at LIMIT 1`.execute(trx);
  return rows[0]?.id ?? null;
}

export async function createVisitPlan(trx: Db, actor: Actor, b: z.infer<typeof createVisitPlanBody>, timeZone: string) {
  await findVisible(trx, actor, customerEntity, b.customerId).catch(() => {
    throw new AppError('VALIDATION', { fields: { customerId: { key: 'reference' } } });
  });
  const ownerId = b.ownerId ?? actor.userId;
  const dup = await trx
    .selectFrom('visit_plans')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('plan_date', '=', b.planDate)
    .where('customer_id', '=', b.customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (dup) throw new AppError('VALIDATION', { fields: { customerId: { key: 'duplicate' } } });
  const row = await insertRecord(
    trx,
    actor,
    visitPlanEntity,
    {
      plan_date: b.planDate,
      customer_id: b.customerId,
      contact_id: b.contactId ?? null,
      purpose: b.purpose ?? null,
      fulfilled_by: await matchingVisit(trx, ownerId, b.customerId, b.planDate, timeZone),
    },
    ownerId,
  );
  return row.id as string;
}

export async function updateVisitPlan(trx: Db, actor: Actor, id: string, body: z.infer<typeof updateVisitPlanBody>, today: string) {
  const { version, ...b } = body;
  const patch = Object.fromEntries(
    Object.entries({ plan_date: b.planDate, contact_id: b.contactId, purpose: b.purpose }).filter(([, v]) => v !== undefined),
  );
  const after = await updateRecord(
    trx,
    actor,
    visitPlanEntity,
    id,
    version,
    patch,
    async (row) => (await toApi(trx, [row as unknown as VisitPlanRow], today))[0],
  );
  return (await toApi(trx, [after as unknown as VisitPlanRow], today))[0];
}

export const deleteVisitPlan = (trx: Db, actor: Actor, id: string) => softDeleteRecord(trx, actor, visitPlanEntity, id);

/** Plan vs. done per rep per day or ISO week, and visits that were logged without a plan. */
export async function visitSummary(db: Db, actor: Actor, q: z.infer<typeof visitSummaryQuery>, timeZone: string) {
  const period = (col: ReturnType<typeof sql>) =>
    q.groupBy === 'week' ? sql`to_char(date_trunc('week', ${col}), 'IYYY-"W"IW')` : sql`to_char(${col}, 'YYYY-MM-DD')`;
  const visitDay = sql`(f.occurred_at AT TIME ZONE ${timeZone})::date`;
  const { rows } = await sql<{
    owner_id: string;
    owner_name: string | null;
    period: string;
    planned: number;
    done: number;
    unplanned: number;
  }>`
    WITH plans AS (
      SELECT p.owner_id, ${period(sql`p.plan_date`)} AS period, count(*)::int AS planned, count(p.fulfilled_by)::int AS done
        FROM visit_plans p
       WHERE p.deleted_at IS NULL AND ${scopeFilter(actor, 'p')} AND p.plan_date BETWEEN ${q.from}::date AND ${q.to}::date
       GROUP BY 1, 2
    ), unplanned AS (
      SELECT f.owner_id, ${period(visitDay)} AS period, count(*)::int AS unplanned
        FROM follow_ups f
       WHERE f.deleted_at IS NULL AND f.type = 'visit' AND ${scopeFilter(actor, 'f')}
         AND ${visitDay} BETWEEN ${q.from}::date AND ${q.to}::date
         AND NOT EXISTS (SELECT 1 FROM visit_plans p WHERE p.fulfilled_by = f.id AND p.deleted_at IS NULL)
       GROUP BY 1, 2
    )
    SELECT coalesce(p.owner_id, u.owner_id) AS owner_id, usr.display_name AS owner_name, coalesce(p.period, u.period) AS period,
           coalesce(p.planned, 0) AS planned, coalesce(p.done, 0) AS done, coalesce(u.unplanned, 0) AS unplanned
      FROM plans p FULL JOIN unplanned u ON u.owner_id = p.owner_id AND u.period = p.period
      LEFT JOIN users usr ON usr.id = coalesce(p.owner_id, u.owner_id)
     ORDER BY 3, 2`.execute(db);
  const items = rows.map((r) => ({
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    period: r.period,
    planned: r.planned,
    done: r.done,
    unplanned: r.unplanned,
  }));
  return { items, idle: await repsWithoutVisits(db, actor, new Set(items.map((i) => i.ownerId))) };
}

/**
 * The reps in the caller's scope who neither planned nor logged a visit in the range: the ones a
 * manager most needs to see, and absent from the rows above by construction. A rep is an active
 * user whose role may create visit plans.
 */
async function repsWithoutVisits(db: Db, actor: Actor, active: Set<string>) {
  const { rows } = await sql<{ id: string; display_name: string }>`
    SELECT u.id, u.display_name
      FROM users u CROSS JOIN LATERAL (SELECT u.id AS owner_id, u.department_id AS owner_dept_id) scoped
     WHERE u.active AND ${scopeFilter(actor, 'scoped')}
       AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                    WHERE ur.user_id = u.id AND r.permissions ? 'visit_plans:create')
     ORDER BY u.display_name`.execute(db);
  return rows.filter((r) => !active.has(r.id)).map((r) => ({ ownerId: r.id, ownerName: r.display_name }));
}
