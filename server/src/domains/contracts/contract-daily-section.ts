import { sql } from 'kysely';
import { type DailyItem, registerDailySection } from '../../platform/reports/daily-sections.js';

// T3: contracts signed on the window's days (sign date, a business date), voided ones left out.
registerDailySection({
  key: 'new-contracts',
  order: 80,
  title: { 'zh-CN': '新签合同', 'zh-TW': '新簽合約', en: 'New contracts' },
  money: true,
  async collect(db, w) {
    const { rows } = await sql<DailyItem>`
      SELECT k.owner_id AS "userId", k.id, k.number || ' ' || k.title AS title, c.name AS detail, k.amount::text AS amount,
             '/contracts/' || k.id AS link, to_char(k.sign_date, 'YYYY-MM-DD') AS at
        FROM contracts k JOIN customers c ON c.id = k.customer_id
       WHERE k.owner_id = ANY(${w.userIds}::uuid[]) AND k.sign_date BETWEEN ${w.firstDay}::date AND ${w.lastDay}::date
         AND k.status <> 'voided' AND k.deleted_at IS NULL
       ORDER BY k.sign_date, k.number`.execute(db);
    return rows;
  },
});
