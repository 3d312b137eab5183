import type { SalesFilters } from '@contracts/sales-reports.js';
import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { effectiveContractLines } from '../contracts/public.js';
import { confirmedOrderLines } from '../orders/public.js';

/**
 * T5: every line sold between `from` and `to` in the caller's scope and filters — effective contracts
 * by sign date, confirmed orders without a contract by order date (each domain says which of its lines
 * count) — with the product's code, name and category. Columns: product_id, customer_id, owner_id, day,
 * quantity, amount, list_amount, code, name, category_id.
 */
export function salesLines(actor: Actor, q: SalesFilters, from: string, to: string): RawBuilder<unknown> {
  const narrow = { ownerId: q.ownerId, departmentId: q.departmentId };
  return sql`
    SELECT s.*, p.code, p.name, p.category_id
      FROM (${effectiveContractLines(actor, from, to, narrow)} UNION ALL ${confirmedOrderLines(actor, from, to, narrow)}) s
      JOIN products p ON p.id = s.product_id
     WHERE ${inCategory(q.category, 'p')}`;
}

/** The product category asked for and every category under it; no filter without one. */
export function inCategory(categoryId: string | undefined, alias: string): RawBuilder<unknown> {
  if (!categoryId) return sql`true`;
  return sql`${sql.ref(`${alias}.category_id`)} IN (
    WITH RECURSIVE sub AS (
      SELECT id FROM product_categories WHERE id = ${categoryId}
      UNION ALL SELECT pc.id FROM product_categories pc JOIN sub ON pc.parent_id = sub.id
    ) SELECT id FROM sub)`;
}

/** A numeric as exact text with two decimals (money), or with up to two (quantities). */
export const money = (column: string) => sql.raw(`coalesce(${column}, 0)::numeric(16,2)::text`);
export const quantity = (column: string) => sql.raw(`trim_scale(coalesce(${column}, 0)::numeric)::text`);
