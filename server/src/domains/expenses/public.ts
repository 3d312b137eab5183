import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/**
 * M4 for other domains (profit, M5): each customer's approved expense total, exact, as a decimal
 * string; customers without approved claims are absent. Unscoped: the caller applies its own scope
 * and permission to the customers it asks about.
 */
export async function approvedExpenseTotals(db: Db, customerIds: readonly string[]): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const { rows } = await sql<{ customer_id: string; total: string }>`
    SELECT customer_id, sum(amount)::numeric(16,2)::text AS total FROM expenses
     WHERE customer_id = ANY(${[...new Set(customerIds)]}::uuid[]) AND status = 'approved' AND deleted_at IS NULL
     GROUP BY customer_id`.execute(db);
  return new Map(rows.map((r) => [r.customer_id, r.total]));
}

// For the demo company: claims are made and submitted through the same rules as in the app.
export { submitExpense } from './expense-lifecycle.js';
export { createExpense } from './expense-service.js';
