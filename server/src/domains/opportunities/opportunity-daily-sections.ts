import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { type DailyItem, type DailyWindow, registerDailySection } from '../../platform/reports/daily-sections.js';

// T3: what happened to a rep's deals in the window — created, moved a stage (stage history, O4), won, lost.

const stageIn = (alias: string) =>
  sql`json_build_object('zh-CN', ${sql.ref(`${alias}.label_zh_cn`)}, 'zh-TW', ${sql.ref(`${alias}.label_zh_tw`)}, 'en', ${sql.ref(`${alias}.label_en`)})`;

async function dealsWhere(db: Db, w: DailyWindow, at: RawBuilder<unknown>, when: RawBuilder<unknown>): Promise<DailyItem[]> {
  const { rows } = await sql<DailyItem>`
    SELECT o.owner_id AS "userId", o.id, o.name AS title, c.name AS detail, o.amount::text AS amount,
           '/opportunities/' || o.id AS link, ${at} AS at
      FROM opportunities o JOIN customers c ON c.id = o.customer_id
     WHERE o.owner_id = ANY(${w.userIds}::uuid[]) AND ${when} AND o.deleted_at IS NULL
     ORDER BY ${at}`.execute(db);
  return rows;
}

registerDailySection({
  key: 'deals-created',
  order: 50,
  title: { 'zh-CN': '新建商机', 'zh-TW': '新建商機', en: 'Deals created' },
  money: true,
  collect: (db, w) => dealsWhere(db, w, sql`o.created_at`, sql`o.created_at >= ${w.from} AND o.created_at < ${w.to}`),
});

registerDailySection({
  key: 'deals-moved',
  order: 55,
  title: { 'zh-CN': '商机推进', 'zh-TW': '商機推進', en: 'Deals moved' },
  async collect(db, w) {
    // Moves into a won or lost stage are listed under 赢单 / 输单.
    const { rows } = await sql<DailyItem & { fromStage: Record<string, string>; toStage: Record<string, string> }>`
      SELECT o.owner_id AS "userId", o.id || ':' || h.id AS id, o.name AS title, h.amount::text AS amount,
             '/opportunities/' || o.id AS link, h.entered_at AS at, ${stageIn('fs')} AS "fromStage", ${stageIn('ts')} AS "toStage"
        FROM opportunity_stage_history h
        JOIN opportunities o ON o.id = h.opportunity_id
        JOIN pipeline_stages ts ON ts.id = h.stage_id
        JOIN pipeline_stages fs ON fs.id = h.from_stage_id
       WHERE o.owner_id = ANY(${w.userIds}::uuid[]) AND h.entered_at >= ${w.from} AND h.entered_at < ${w.to}
         AND ts.kind = 'open' AND o.deleted_at IS NULL
       ORDER BY h.entered_at`.execute(db);
    return rows.map(({ fromStage, toStage, ...item }) => ({
      ...item,
      detailIn: Object.fromEntries(Object.keys(toStage).map((l) => [l, `${fromStage[l]} → ${toStage[l]}`])),
    }));
  },
});

registerDailySection({
  key: 'deals-won',
  order: 60,
  title: { 'zh-CN': '赢单', 'zh-TW': '贏單', en: 'Deals won' },
  money: true,
  collect: (db, w) => dealsWhere(db, w, sql`o.closed_at`, sql`o.status = 'won' AND o.closed_at >= ${w.from} AND o.closed_at < ${w.to}`),
});

registerDailySection({
  key: 'deals-lost',
  order: 65,
  title: { 'zh-CN': '输单', 'zh-TW': '輸單', en: 'Deals lost' },
  money: true,
  collect: (db, w) => dealsWhere(db, w, sql`o.closed_at`, sql`o.status = 'lost' AND o.closed_at >= ${w.from} AND o.closed_at < ${w.to}`),
});
