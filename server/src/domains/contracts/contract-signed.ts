import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { customerInRegion } from '../customers/public.js';

interface Window {
  from: string;
  toExclusive: string;
  /** Only customers in this region (and the regions under it). */
  region?: string;
  /** Only lines of products in this category (and its sub-categories). */
  productCategoryId?: string;
}

/**
 * T1 签约金额: what was signed per owner and month of the sign date, in the caller's scope. Only
 * effective contracts count, at their amount with every effective amendment (补充协议) included; a
 * terminated or voided contract counts nothing (as in the profit report). Split by product category,
 * a contract counts its lines of the category (its own and its effective amendments'), less the
 * whole-contract discount.
 */
export async function signedAmountByOwnerMonth(db: Db, actor: Actor, w: Window) {
  const where = sql`t.deleted_at IS NULL AND t.status = 'effective' AND t.sign_date >= ${w.from}::date AND t.sign_date < ${w.toExclusive}::date
    AND ${scopeFilter(actor, 't')} AND ${w.region ? customerInRegion(sql.ref('t.customer_id'), w.region) : sql`true`}`;
  const amount = w.productCategoryId
    ? sql`(SELECT COALESCE(sum(round(l.amount * (100 - t.whole_discount) / 100, 2)), 0) FROM contract_lines l
             LEFT JOIN contract_amendments am ON am.id = l.amendment_id
             JOIN products p ON p.id = l.product_id
            WHERE l.contract_id = t.id AND (l.amendment_id IS NULL OR am.status = 'effective')
              AND p.category_id IN (WITH RECURSIVE sub AS (SELECT id FROM product_categories WHERE id = ${w.productCategoryId}
                                      UNION SELECT c.id FROM product_categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub))`
    : sql`t.amount`;
  const { rows } = await sql<{ ownerId: string; ownerDeptId: string | null; month: string; value: string }>`
    SELECT t.owner_id AS "ownerId", t.owner_dept_id AS "ownerDeptId", to_char(t.sign_date, 'YYYY-MM') AS month,
           sum(${amount})::numeric(16,2)::text AS value
      FROM contracts t
     WHERE ${where}
     GROUP BY 1, 2, 3`.execute(db);
  return rows;
}
