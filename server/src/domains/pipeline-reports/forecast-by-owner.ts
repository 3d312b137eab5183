import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { customerInRegion } from '../customers/public.js';
import { settingSql } from './report-settings.js';

/**
 * O5's weighted forecast (forecast.ts, seed 002) per owner and month of the expected close date, for
 * the attainment gap (T2: 已签约 + 预计签约 vs 目标): open opportunities at or above the company's
 * threshold, amount × probability.
 */
export async function weightedForecastByOwnerMonth(db: Db, actor: Actor, window: { from: string; toExclusive: string; region?: string }) {
  const { rows } = await sql<{ ownerId: string; ownerDeptId: string | null; month: string; value: string }>`
    SELECT t.owner_id AS "ownerId", t.owner_dept_id AS "ownerDeptId", to_char(t.expected_close_date, 'YYYY-MM') AS month,
           round(sum(t.amount * t.probability) / 100, 2)::numeric(16,2)::text AS value
      FROM opportunities t
     WHERE t.deleted_at IS NULL AND t.status = 'open' AND t.probability >= ${settingSql('forecastThreshold')}
       AND t.expected_close_date >= ${window.from}::date AND t.expected_close_date < ${window.toExclusive}::date
       AND ${scopeFilter(actor, 't')} AND ${window.region ? customerInRegion(sql.ref('t.customer_id'), window.region) : sql`true`}
     GROUP BY 1, 2, 3`.execute(db);
  return rows;
}
