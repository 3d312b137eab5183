import { sql } from 'kysely';
import { type DailyItem, registerDailySection } from '../../platform/reports/daily-sections.js';

// T3: the customers a rep created that day, by name (seed 000's 新增客户).
registerDailySection({
  key: 'new-customers',
  order: 20,
  title: { 'zh-CN': '新增客户', 'zh-TW': '新增客戶', en: 'New customers' },
  async collect(db, w) {
    const { rows } = await sql<DailyItem>`
      SELECT c.owner_id AS "userId", c.id, c.name AS title, c.industry AS detail, '/customers/' || c.id AS link, c.created_at AS at
        FROM customers c
       WHERE c.owner_id = ANY(${w.userIds}::uuid[]) AND c.created_at >= ${w.from} AND c.created_at < ${w.to} AND c.deleted_at IS NULL
       ORDER BY c.created_at`.execute(db);
    return rows;
  },
});
