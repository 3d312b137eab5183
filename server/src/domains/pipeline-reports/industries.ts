import type { Locale } from '@contracts/common.js';
import { type IndustriesReport, industriesQuery, industriesResponse } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { picklistLabels } from '../../platform/i18n/picklist-labels.js';
import { defineReport } from '../../platform/reports/report-route.js';
import {
  type CellValue,
  type Label,
  label,
  type ReportColumn,
  reportTable,
  tablePart,
  type ReportTable,
} from '../../platform/reports/report-table.js';
import { L } from './download-labels.js';
import { allReps, dayRange, reportWhere } from './report-filters.js';
import { reportSettings } from './report-settings.js';

/** One collator for every sort: localeCompare with a locale builds a new one per comparison. */
const byName = new Intl.Collator('zh-CN');

interface Row {
  owner_id: string | null;
  owner_name: string | null;
  industry: string | null;
  n: number;
  amount: string;
  won_n: number;
  won_amount: string;
  rep_won: string | null;
}

type Query = z.infer<typeof industriesQuery>;

/**
 * O8 (seed 002, 签单分析): per rep, the industries of the opportunities created in the period and of
 * those signed (won) in the period, so a manager sees which industries each rep wins. The industry
 * is the customer's, or (setting) the lead's the opportunity was converted from.
 */
async function industriesReport(db: Db, actor: Actor, q: Query, now: Date, timeZone: string): Promise<IndustriesReport> {
  const range = dayRange(q, now, timeZone, 365);
  const { industrySource } = await reportSettings(db);
  const industry = industrySource === 'lead' ? sql`coalesce(l.industry, c.industry)` : sql`c.industry`;
  const leads = industrySource === 'lead' ? sql`LEFT JOIN leads l ON l.id = o.lead_id` : sql``;
  const where = reportWhere(actor, q, 'o');
  const { start, end } = range;
  const { rows } = await sql<Row>`
    WITH u AS (
      SELECT o.owner_id, ${industry} AS industry, 1 AS n, o.amount, 0 AS won_n, 0::numeric AS won_amount
        FROM opportunities o JOIN customers c ON c.id = o.customer_id ${leads}
       WHERE o.deleted_at IS NULL AND o.created_at >= ${start} AND o.created_at < ${end} AND ${where}
      UNION ALL
      SELECT o.owner_id, ${industry}, 0, 0, 1, o.amount
        FROM opportunities o JOIN customers c ON c.id = o.customer_id ${leads}
       WHERE o.deleted_at IS NULL AND o.status = 'won' AND o.closed_at >= ${start} AND o.closed_at < ${end} AND ${where}
    ),
    g AS (
      SELECT owner_id, industry, sum(n)::int AS n, sum(amount) AS amount, sum(won_n)::int AS won_n, sum(won_amount) AS won_amount
        FROM u GROUP BY GROUPING SETS ((owner_id, industry), (industry))
    )
    SELECT g.owner_id, us.display_name AS owner_name, g.industry, g.n, g.amount::numeric(20,2)::text AS amount, g.won_n,
           g.won_amount::numeric(20,2)::text AS won_amount,
           (sum(g.won_amount) OVER (PARTITION BY g.owner_id))::text AS rep_won
      FROM g LEFT JOIN users us ON us.id = g.owner_id
     ORDER BY g.won_amount DESC, g.amount DESC, g.industry`.execute(db);

  const cell = (r: Row) => ({ industry: r.industry, count: r.n, amount: r.amount, wonCount: r.won_n, wonAmount: r.won_amount });
  const reps = new Map<string, { ownerId: string; ownerName: string; won: number; cells: ReturnType<typeof cell>[] }>();
  for (const r of rows) {
    if (!r.owner_id) continue;
    const rep = reps.get(r.owner_id) ?? { ownerId: r.owner_id, ownerName: r.owner_name ?? '', won: Number(r.rep_won ?? 0), cells: [] };
    rep.cells.push(cell(r));
    reps.set(r.owner_id, rep);
  }
  // Biggest signers first (ordering only: the figures themselves stay exact strings).
  const sorted = [...reps.values()].sort((a, b) => b.won - a.won || byName.compare(a.ownerName, b.ownerName));
  const offset = (q.page - 1) * q.pageSize;
  return {
    from: range.from,
    to: range.to,
    industrySource,
    team: rows.filter((r) => !r.owner_id).map(cell),
    reps: {
      items: sorted.slice(offset, offset + q.pageSize).map(({ won: _won, ...rep }) => rep),
      total: sorted.length,
      page: q.page,
      pageSize: q.pageSize,
    },
  };
}

type IndustryLine = { owner: string | Label; c: IndustriesReport['team'][number] };

const industryColumns = (industry: (code: string | null) => CellValue): ReportColumn<IndustryLine>[] => [
  { label: L.owner, value: (l) => l.owner },
  { label: label('行业', '行業', 'Industry'), value: (l) => industry(l.c.industry) },
  { label: L.count, value: (l) => l.c.count },
  { label: L.amount, value: (l) => l.c.amount },
  { label: L.wonCount, value: (l) => l.c.wonCount },
  { label: L.wonAmount, value: (l) => l.c.wonAmount },
];

async function industriesTable(r: IndustriesReport, { db, locale }: { db: Db; locale: Locale }): Promise<ReportTable> {
  const picklist = await picklistLabels(db, locale);
  const industry = (code: string | null) => (code === null ? L.none : (picklist('industry', code) ?? code));
  const lines = [
    ...r.team.map((c) => ({ owner: L.team, c })),
    ...r.reps.items.flatMap((rep) => rep.cells.map((c) => ({ owner: rep.ownerName, c }))),
  ];
  return reportTable(locale, tablePart(industryColumns(industry), lines));
}

export const industriesRoute = defineReport({
  path: '/reports/industries',
  summary: 'Per rep and industry: opportunities created and won in the period',
  query: industriesQuery,
  response: industriesResponse,
  run: (env, actor, q) => industriesReport(env.db, actor, q, env.now, env.timeZone),
  download: { fileName: label('行业分布', '行業分布', 'Industries'), query: allReps, table: industriesTable },
});
