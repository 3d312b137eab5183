import { type TimelinessFixes, timelinessFixesQuery, timelinessFixesResponse } from '@contracts/data-timeliness.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type Label, label, type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { checkCounts, checkRows } from './timeliness-sources.js';
import { timelinessSettings } from './timeliness-settings.js';

type Query = z.infer<typeof timelinessFixesQuery>;
type Item = TimelinessFixes['items'][number];

interface FixRow {
  chk: Item['check'];
  entity: Item['entity'];
  id: string;
  customer_id: string | null;
  name: string;
  owner_id: string;
  owner_name: string | null;
  days: number | null;
  missing: Item['missing'];
}

/** T7: the rows failing a check (or any), longest neglected first, each with what to open to fix it. */
async function timelinessFixes(db: Db, actor: Actor, q: Query, now: Date, timeZone: string): Promise<TimelinessFixes> {
  const settings = await timelinessSettings(db);
  const today = businessDate(now, timeZone);
  const narrow = { ownerId: q.ownerId, departmentId: q.departmentId };
  const x = { actor, narrow, settings, now, today, timeZone };
  const onCheck = q.check ? sql`AND r.chk = ${q.check}` : sql``;
  // The total is the score's count of bad rows (the kept counts, a few hundred rows), so the page needs
  // only a top-N sort of the rows, not a count over every one of them.
  const [{ rows }, counted] = await Promise.all([
    sql<FixRow>`
    SELECT r.chk, r.entity, r.id, r.customer_id, r.name, r.owner_id, u.display_name AS owner_name, r.days::int AS days, r.missing
      FROM (${checkRows(x)}) r
      JOIN users u ON u.id = r.owner_id
     WHERE r.bad ${onCheck}
     ORDER BY r.days DESC NULLS LAST, cardinality(r.missing) DESC, r.name, r.id
     LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db),
    sql<{ total: number }>`
    SELECT coalesce(sum(r.bad), 0)::int AS total FROM (${checkCounts(x)}) r JOIN users u ON u.id = r.owner_id WHERE true ${onCheck}`.execute(
      db,
    ),
  ]);
  return {
    items: rows.map((r) => ({
      check: r.chk,
      entity: r.entity,
      id: r.id,
      customerId: r.customer_id,
      name: r.name,
      ownerId: r.owner_id,
      ownerName: r.owner_name ?? '',
      days: r.days,
      missing: r.missing,
    })),
    total: counted.rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const CHECK: Record<Item['check'], Label> = {
  stale: label('商机久未更新', '商機久未更新', 'Stale opportunity'),
  overdue: label('重点客户逾期未跟进', '重點客戶逾期未跟進', 'Key customer overdue'),
  late: label('跟进补录', '跟進補登', 'Follow-up logged late'),
  incomplete: label('资料不全', '資料不全', 'Missing fields'),
};
const FIELD: Record<Item['missing'][number], Label> = {
  industry: label('行业', '產業', 'industry'),
  phone: label('电话', '電話', 'phone'),
  contact: label('联系人', '聯絡人', 'contact'),
  expectedCloseDate: label('预计成交日期', '預計成交日期', 'expected close date'),
  amount: label('金额', '金額', 'amount'),
};
const COLUMNS: ReportColumn<Item>[] = [
  { label: label('问题', '問題', 'Issue'), value: (i) => CHECK[i.check] },
  { label: label('记录', '記錄', 'Record'), value: (i) => i.name },
  { label: label('负责人', '負責人', 'Owner'), value: (i) => i.ownerName },
  { label: label('天数', '天數', 'Days'), value: (i) => i.days },
  {
    label: label('缺少', '缺少', 'Missing'),
    value: (i) => ({
      'zh-CN': i.missing.map((m) => FIELD[m]['zh-CN']).join('、'),
      'zh-TW': i.missing.map((m) => FIELD[m]['zh-TW']).join('、'),
      en: i.missing.map((m) => FIELD[m].en).join(', '),
    }),
  },
];

export const timelinessFixesRoute = defineReport({
  path: '/reports/data-timeliness/fixes',
  summary: 'The rows to fix: stale opportunities, overdue key customers, follow-ups logged late, records with missing fields',
  query: timelinessFixesQuery,
  response: timelinessFixesResponse,
  run: (env, actor, q) => timelinessFixes(env.db, actor, q, env.now, env.timeZone),
  download: {
    fileName: { 'zh-CN': '待补数据清单', 'zh-TW': '待補資料清單', en: 'Data to fix' },
    query: (q) => ({ ...q, page: 1, pageSize: 200 }),
    table: (r, { locale }) => reportTable(locale, tablePart(COLUMNS, r.items)),
  },
});
