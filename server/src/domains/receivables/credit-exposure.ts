import { sql } from 'kysely';
import { registerExposureSource } from '../credit/public.js';

// M3: what an effective contract still owes counts against the customer's credit limit; only money
// finance confirmed reduces it (an expected payment is not yet money in the bank).
registerExposureSource({
  key: 'contracts',
  labels: { 'zh-CN': '已生效合同未回款', 'zh-TW': '已生效合約未回款', en: 'Effective contracts not yet paid' },
  async exposure(db, customerIds) {
    if (customerIds.length === 0) return new Map();
    // contract_receipts (0048) keeps each contract's amount and confirmed receipts; live = effective, not deleted.
    const { rows } = await sql<{ customer_id: string; owed: string }>`
      SELECT c.customer_id, sum(r.amount - r.paid)::text AS owed
        FROM contracts c JOIN contract_receipts r ON r.contract_id = c.id
       WHERE c.customer_id = ANY(${sql.val(customerIds)}::uuid[]) AND r.live
       GROUP BY c.customer_id`.execute(db);
    return new Map(rows.map((r) => [r.customer_id, r.owed]));
  },
});
