import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { signedAmountByOwnerMonth } from '../contracts/public.js';
import { customerInRegion } from '../customers/public.js';
import { grossMarginByOwnerMonth } from '../money-reports/public.js';
import { weightedForecastByOwnerMonth } from '../pipeline-reports/public.js';
import { confirmedCollectionsByOwnerMonth } from '../receivables/public.js';
import { type MeasureWindow, type OwnerMonthFigure, registerTargetMeasure } from '../targets/public.js';

/*
 * How each target type is counted (T1), registered with the targets domain so that its split "by last
 * year's share" and this report count alike. Money comes from the domains that own it: signed amounts
 * from contracts (amendments included), collections from receivables (confirmed only), gross margin
 * from the profit computation, the forecast from the pipeline reports.
 */

/** Won deals by the instant they were won, in the company's months (the stand-in for contracts). */
async function wonByOwnerMonth(db: Db, actor: Actor, w: MeasureWindow): Promise<OwnerMonthFigure[]> {
  const { rows } = await sql<OwnerMonthFigure>`
    SELECT t.owner_id AS "ownerId", t.owner_dept_id AS "ownerDeptId", to_char(t.closed_at AT TIME ZONE ${w.timeZone}, 'YYYY-MM') AS month,
           sum(t.amount)::numeric(16,2)::text AS value
      FROM opportunities t
     WHERE t.deleted_at IS NULL AND t.status = 'won'
       AND t.closed_at >= (${w.from}::timestamp AT TIME ZONE ${w.timeZone})
       AND t.closed_at < (${w.toExclusive}::timestamp AT TIME ZONE ${w.timeZone}) AND ${scopeFilter(actor, 't')}
       AND ${w.region ? customerInRegion(sql.ref('t.customer_id'), w.region) : sql`true`}
     GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

/** Customers created (by hand, by import or from a lead) per owner, in the company's months. */
async function newCustomersByOwnerMonth(db: Db, actor: Actor, w: MeasureWindow): Promise<OwnerMonthFigure[]> {
  const { rows } = await sql<OwnerMonthFigure>`
    SELECT t.owner_id AS "ownerId", t.owner_dept_id AS "ownerDeptId", to_char(t.created_at AT TIME ZONE ${w.timeZone}, 'YYYY-MM') AS month,
           count(*)::numeric(16,2)::text AS value
      FROM customers t
     WHERE t.deleted_at IS NULL AND t.owner_id IS NOT NULL
       AND t.created_at >= (${w.from}::timestamp AT TIME ZONE ${w.timeZone})
       AND t.created_at < (${w.toExclusive}::timestamp AT TIME ZONE ${w.timeZone}) AND ${scopeFilter(actor, 't')}
       AND ${w.region ? customerInRegion(sql.ref('t.id'), w.region) : sql`true`}
     GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

registerTargetMeasure('signed_amount', { actuals: signedAmountByOwnerMonth, forecast: weightedForecastByOwnerMonth });
registerTargetMeasure('won_opportunities', { actuals: wonByOwnerMonth, forecast: weightedForecastByOwnerMonth });
registerTargetMeasure('gross_margin', { actuals: grossMarginByOwnerMonth });
registerTargetMeasure('collections', { actuals: confirmedCollectionsByOwnerMonth });
registerTargetMeasure('new_customers', { actuals: newCustomersByOwnerMonth });
