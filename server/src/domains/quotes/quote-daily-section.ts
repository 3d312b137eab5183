import { sql } from 'kysely';
import { type DailyItem, registerDailySection } from '../../platform/reports/daily-sections.js';

// T3: quotes sent to the customer in the window (every revision sent counts once).
registerDailySection({
  key: 'quotes-sent',
  order: 70,
  title: { 'zh-CN': '发出报价', 'zh-TW': '發出報價', en: 'Quotes sent' },
  money: true,
  async collect(db, w) {
    const { rows } = await sql<DailyItem>`
      SELECT q.owner_id AS "userId", q.id, q.number || ' ' || q.title AS title, c.name AS detail, q.total::text AS amount,
             '/quotes/' || q.id AS link, q.sent_at AS at
        FROM quotes q JOIN customers c ON c.id = q.customer_id
       WHERE q.owner_id = ANY(${w.userIds}::uuid[]) AND q.sent_at >= ${w.from} AND q.sent_at < ${w.to} AND q.deleted_at IS NULL
       ORDER BY q.sent_at`.execute(db);
    return rows;
  },
});
