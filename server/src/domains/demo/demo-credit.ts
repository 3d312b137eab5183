import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/**
 * M3 on the first start (half the demo customers already have a limit): the first customer with an
 * effective contract is close to its limit (about 90 % used), the others with contracts have room,
 * and one key customer gets a small limit, so 客户信用 and the 信用额度 tab show something real.
 */
export async function seedDemoCredit(trx: Db) {
  await sql`
    WITH owed AS (
      SELECT customer_id, sum(amount) AS amount, row_number() OVER (ORDER BY min(created_at)) AS n
        FROM contracts WHERE status = 'effective' AND deleted_at IS NULL GROUP BY customer_id
    )
    UPDATE customers c
       SET credit_limit = CASE WHEN o.n = 1 THEN ceil(o.amount / 0.9 / 10000) * 10000 ELSE ceil(o.amount * 2 / 10000) * 10000 END
      FROM owed o WHERE c.id = o.customer_id AND (o.n = 1 OR c.credit_limit IS NULL)`.execute(trx);
  await sql`
    UPDATE customers SET credit_limit = 300000
     WHERE id = (SELECT id FROM customers WHERE is_key AND deleted_at IS NULL AND owner_id IS NOT NULL AND credit_limit IS NULL
                  ORDER BY created_at LIMIT 1)`.execute(trx);
}
