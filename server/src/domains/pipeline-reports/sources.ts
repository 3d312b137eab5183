import type { SourcesReport, sourcesQuery } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { dayRange, dayStartSql, num, reportWhere } from './report-filters.js';

interface Row {
  source: string | null;
  n: number;
  amount: string;
  won_n: number;
  won_amount: string;
  lost_n: number;
  win_rate: string | null;
  cycle: string | null;
}

/**
 * O8 (seed 000): per source, the opportunities created in the period — how many, how much, how many
 * of them were won and lost so far, the win rate won ÷ (won + lost) and the average days from
 * creation to winning.
 */
export async function sourcesReport(
  db: Db,
  actor: Actor,
  q: z.infer<typeof sourcesQuery>,
  now: Date,
  timeZone: string,
): Promise<SourcesReport> {
  const range = dayRange(q, now, timeZone, 365);
  const { rows } = await sql<Row>`
    SELECT o.source, count(*)::int AS n, sum(o.amount)::numeric(20,2)::text AS amount,
           count(*) FILTER (WHERE o.status = 'won')::int AS won_n,
           coalesce(sum(o.amount) FILTER (WHERE o.status = 'won'), 0)::numeric(20,2)::text AS won_amount,
           count(*) FILTER (WHERE o.status = 'lost')::int AS lost_n,
           round(100.0 * count(*) FILTER (WHERE o.status = 'won') / nullif(count(*) FILTER (WHERE o.status IN ('won', 'lost')), 0), 1)::text AS win_rate,
           round((avg(extract(epoch FROM o.closed_at - o.created_at)) FILTER (WHERE o.status = 'won') / 86400)::numeric, 1)::text AS cycle
      FROM opportunities o
     WHERE o.deleted_at IS NULL
       AND o.created_at >= ${dayStartSql(range.from, timeZone)} AND o.created_at < ${dayStartSql(range.toExclusive, timeZone)}
       AND ${reportWhere(actor, q, 'o')}
     GROUP BY o.source
     ORDER BY sum(o.amount) DESC, count(*) DESC, o.source`.execute(db);
  return {
    from: range.from,
    to: range.to,
    items: rows.map((r) => ({
      source: r.source,
      count: r.n,
      amount: r.amount,
      wonCount: r.won_n,
      wonAmount: r.won_amount,
      lostCount: r.lost_n,
      winRate: num(r.win_rate),
      avgCycleDays: num(r.cycle),
    })),
  };
}
