import { sql } from 'kysely';
import { type DailyItem, registerDailySection } from '../../platform/reports/daily-sections.js';

// T3: tasks the rep finished in the window.
registerDailySection({
  key: 'tasks-done',
  order: 40,
  title: { 'zh-CN': '完成任务', 'zh-TW': '完成任務', en: 'Tasks done' },
  async collect(db, w) {
    const { rows } = await sql<DailyItem>`
      SELECT t.owner_id AS "userId", t.id, t.title, c.name AS detail, '/tasks' AS link, t.completed_at AS at
        FROM tasks t LEFT JOIN customers c ON c.id = t.customer_id
       WHERE t.owner_id = ANY(${w.userIds}::uuid[]) AND t.status = 'done'
         AND t.completed_at >= ${w.from} AND t.completed_at < ${w.to} AND t.deleted_at IS NULL
       ORDER BY t.completed_at`.execute(db);
    return rows;
  },
});
