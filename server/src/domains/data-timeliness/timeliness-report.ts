import { type TimelinessCheck, type TimelinessReport, timelinessQuery, timelinessResponse } from '@contracts/data-timeliness.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { label, type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { checkCounts } from './timeliness-sources.js';
import { emptyFigures, type Figures, timelinessScore } from './timeliness-score.js';
import { timelinessSettings } from './timeliness-settings.js';

type Query = z.infer<typeof timelinessQuery>;
const byName = new Intl.Collator('zh-CN');

interface CountRow {
  owner_id: string;
  owner_name: string | null;
  chk: TimelinessCheck;
  bad: number;
  total: number;
}

/**
 * T7: per rep in the caller's scope and filters, each check's bad rows of all it looks at and the
 * score; the team is everyone together. Worst score first, so the manager starts where it matters.
 */
export async function timelinessReport(db: Db, actor: Actor, q: Query, now: Date, timeZone: string): Promise<TimelinessReport> {
  const settings = await timelinessSettings(db);
  const today = businessDate(now, timeZone);
  const narrow = { ownerId: q.ownerId, departmentId: q.departmentId };
  const { rows } = await sql<CountRow>`
    SELECT r.owner_id, u.display_name AS owner_name, r.chk, sum(r.bad)::int AS bad, sum(r.total)::int AS total
      FROM (${checkCounts({ actor, narrow, settings, now, today, timeZone })}) r
      JOIN users u ON u.id = r.owner_id
     GROUP BY 1, 2, 3`.execute(db);
  const team = emptyFigures();
  const reps = new Map<string, { ownerId: string; ownerName: string; figures: Figures }>();
  for (const r of rows) {
    let rep = reps.get(r.owner_id);
    if (!rep) {
      rep = { ownerId: r.owner_id, ownerName: r.owner_name ?? '', figures: emptyFigures() };
      reps.set(r.owner_id, rep);
    }
    rep.figures[r.chk] = { bad: r.bad, total: r.total };
    team[r.chk].bad += r.bad;
    team[r.chk].total += r.total;
  }
  const items = [...reps.values()]
    .map((r) => ({ ownerId: r.ownerId, ownerName: r.ownerName, ...r.figures, score: timelinessScore(r.figures) }))
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || byName.compare(a.ownerName, b.ownerName));
  const offset = (q.page - 1) * q.pageSize;
  return {
    settings,
    today,
    team: { ...team, score: timelinessScore(team) },
    reps: { items: items.slice(offset, offset + q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize },
  };
}

type Rep = TimelinessReport['reps']['items'][number];
const share = (f: { bad: number; total: number }) => `${f.bad}/${f.total}`;
const COLUMNS: ReportColumn<Rep>[] = [
  { label: label('销售', '業務', 'Rep'), value: (r) => r.ownerName },
  { label: label('及时性得分', '及時性得分', 'Score'), value: (r) => r.score },
  { label: label('商机久未更新', '商機久未更新', 'Stale opportunities'), value: (r) => share(r.stale) },
  { label: label('重点客户逾期未跟进', '重點客戶逾期未跟進', 'Key customers overdue'), value: (r) => share(r.overdue) },
  { label: label('跟进补录', '跟進補登', 'Follow-ups logged late'), value: (r) => share(r.late) },
  { label: label('资料不全', '資料不全', 'Missing fields'), value: (r) => share(r.incomplete) },
];

export const timelinessRoute = defineReport({
  path: '/reports/data-timeliness',
  summary: 'Per rep: stale opportunities, key customers overdue, follow-ups logged late, missing fields; a score 0–100',
  query: timelinessQuery,
  response: timelinessResponse,
  run: (env, actor, q) => timelinessReport(env.db, actor, q, env.now, env.timeZone),
  download: {
    fileName: { 'zh-CN': '数据及时性', 'zh-TW': '資料及時性', en: 'Data timeliness' },
    query: (q) => ({ ...q, page: 1, pageSize: 200 }),
    table: (r, { locale }) => reportTable(locale, tablePart(COLUMNS, r.reps.items)),
  },
});
