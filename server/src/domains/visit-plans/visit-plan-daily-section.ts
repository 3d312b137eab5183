import { sql } from 'kysely';
import { type DailyItem, registerDailySection } from '../../platform/reports/daily-sections.js';

// T3 / C5: the visits planned for the window's days and which of them a visit follow-up fulfilled (计划 vs 完成).
registerDailySection({
  key: 'visits',
  order: 10,
  title: { 'zh-CN': '拜访（完成/计划）', 'zh-TW': '拜訪（完成/計劃）', en: 'Visits (done / planned)' },
  tally: 'done',
  async collect(db, w) {
    const { rows } = await sql<DailyItem>`
      SELECT v.owner_id AS "userId", v.id, c.name AS title, v.purpose AS detail, '/visit-plans' AS link,
             to_char(v.plan_date, 'YYYY-MM-DD') AS at, v.fulfilled_by IS NOT NULL AS done
        FROM visit_plans v JOIN customers c ON c.id = v.customer_id
       WHERE v.owner_id = ANY(${w.userIds}::uuid[]) AND v.plan_date BETWEEN ${w.firstDay}::date AND ${w.lastDay}::date
         AND v.deleted_at IS NULL
       ORDER BY v.plan_date, c.name`.execute(db);
    return rows;
  },
});
