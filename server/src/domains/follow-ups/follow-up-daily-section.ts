import { sql } from 'kysely';
import { type DailyItem, registerDailySection } from '../../platform/reports/daily-sections.js';

// T3: every follow-up that happened in the window (by when it happened, not when it was typed in), with its content.
registerDailySection({
  key: 'follow-ups',
  order: 30,
  title: { 'zh-CN': '跟进记录', 'zh-TW': '跟進記錄', en: 'Follow-ups' },
  async collect(db, w) {
    const { rows } = await sql<DailyItem>`
      SELECT f.owner_id AS "userId", f.id, c.name AS title, f.content AS detail, '/customers/' || c.id AS link, f.occurred_at AS at
        FROM follow_ups f JOIN customers c ON c.id = f.customer_id
       WHERE f.owner_id = ANY(${w.userIds}::uuid[]) AND f.occurred_at >= ${w.from} AND f.occurred_at < ${w.to} AND f.deleted_at IS NULL
       ORDER BY f.occurred_at`.execute(db);
    return rows;
  },
});
