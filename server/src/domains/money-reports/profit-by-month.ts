import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { customerInRegion } from '../customers/public.js';

/**
 * M5's profit (profit.ts) per owner and month, for the gross-margin target (T1 毛利目标): revenue − cost
 * on the lines of the contracts signed in the month (money_contract_profit, amendments included), less
 * the approved claims spent in the month — the same split by period as the customer view's, so a
 * claim counts once, in the month the money was spent, whether or not it names a contract. By region:
 * the customer's (contract and claim alike).
 */
const inRegion = (region: string | undefined) => (region ? customerInRegion(sql.ref('t.customer_id'), region) : sql`true`);

export async function grossMarginByOwnerMonth(db: Db, actor: Actor, window: { from: string; toExclusive: string; region?: string }) {
  const { rows } = await sql<{ ownerId: string; ownerDeptId: string | null; month: string; value: string }>`
    SELECT "ownerId", "ownerDeptId", month, sum(v)::numeric(16,2)::text AS value FROM (
      SELECT t.owner_id AS "ownerId", t.owner_dept_id AS "ownerDeptId", to_char(t.sign_date, 'YYYY-MM') AS month, t.revenue - t.cost AS v
        FROM money_contract_profit t
       WHERE t.sign_date >= ${window.from}::date AND t.sign_date < ${window.toExclusive}::date AND ${scopeFilter(actor, 't')} AND ${inRegion(window.region)}
      UNION ALL
      SELECT t.owner_id, t.owner_dept_id, to_char(t.spent_on, 'YYYY-MM'), -t.amount
        FROM expenses t
       WHERE t.status = 'approved' AND t.deleted_at IS NULL
         AND t.spent_on >= ${window.from}::date AND t.spent_on < ${window.toExclusive}::date AND ${scopeFilter(actor, 't')}
         AND ${inRegion(window.region)}
    ) x GROUP BY 1, 2, 3`.execute(db);
  return rows;
}
