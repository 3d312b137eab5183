import { sql } from 'kysely';
import { type Actor, can } from '../../platform/access/actor.js';

// Q1 field permission: cost price and gross margin exist only for product_costs:view. For anyone
// else the keys are left out of the answer (not null), of the export and of the history.

export const canSeeCosts = (actor: Actor) => can(actor, 'product_costs', 'view');

/**
 * A product's cost: its own, or for a bundle the sum of its lines at their products' cost (unknown
 * when any of them has none). Over `products` as it is named in the outer query.
 */
const EFFECTIVE_COST = sql<string | null>`(CASE WHEN products.kind = 'bundle' THEN (
    SELECT CASE WHEN count(*) = count(c.cost_price) THEN round(sum(i.quantity * c.cost_price), 2) END
      FROM product_bundle_items i JOIN products c ON c.id = i.product_id WHERE i.bundle_id = products.id)
  ELSE products.cost_price END)`;

/** Cost, margin and margin rate (two decimals) of each row, worked out in SQL with exact decimals. */
export const COST_SELECTIONS = [
  sql<string | null>`${EFFECTIVE_COST}::text`.as('effective_cost'),
  sql<string | null>`(products.list_price - ${EFFECTIVE_COST})::text`.as('gross_margin'),
  sql<string | null>`round((products.list_price - ${EFFECTIVE_COST}) * 100 / nullif(products.list_price, 0), 2)::text`.as(
    'gross_margin_rate',
  ),
] as const;

export interface CostColumns {
  effective_cost: string | null;
  gross_margin: string | null;
  gross_margin_rate: string | null;
}

/** The cost keys of an answer: present only for those who may see them. */
export function costFields(actor: Actor, row: CostColumns) {
  if (!canSeeCosts(actor)) return {};
  return { costPrice: row.effective_cost, grossMargin: row.gross_margin, grossMarginRate: row.gross_margin_rate };
}
