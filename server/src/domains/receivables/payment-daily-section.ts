import { sql } from 'kysely';
import { type DailyItem, registerDailySection } from '../../platform/reports/daily-sections.js';

// T3: money received on the window's days that finance has confirmed; expected payments are not money yet.
registerDailySection({
  key: 'payments',
  order: 90,
  title: { 'zh-CN': '回款到账', 'zh-TW': '回款到帳', en: 'Payments received' },
  money: true,
  async collect(db, w) {
    const { rows } = await sql<DailyItem>`
      SELECT p.owner_id AS "userId", p.id, c.name AS title, p.title AS detail, p.amount::text AS amount,
             '/contracts/' || p.contract_id AS link, to_char(p.received_on, 'YYYY-MM-DD') AS at
        FROM payments p JOIN contracts k ON k.id = p.contract_id JOIN customers c ON c.id = k.customer_id
       WHERE p.owner_id = ANY(${w.userIds}::uuid[]) AND p.received_on BETWEEN ${w.firstDay}::date AND ${w.lastDay}::date
         AND p.status = 'confirmed' AND p.deleted_at IS NULL
       ORDER BY p.received_on`.execute(db);
    return rows;
  },
});
