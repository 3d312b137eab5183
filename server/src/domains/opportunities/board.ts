import type { Board, BoardCard, boardQuery } from '@contracts/opportunities.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { sumMoney } from '../../platform/money.js';
import { applyFilters, daysSince, onlyOwnerFilters, stalledExpression, weightedAmountSql } from './opportunity-query.js';
import { stallRule } from './opportunity-service.js';
import { defaultPipelineId, getPipelineDefinition } from './pipeline-service.js';

interface StageSum {
  stage_id: string;
  n: number;
  amount: string;
  weighted: string;
}

/**
 * O3 kanban: a column per stage with its count, amount and weighted amount (Σ amount × probability),
 * and the first cards of each column, most recently touched first. With only owner / department
 * filters the sums come from opportunity_stage_totals (kept by triggers), so a column over a
 * million rows costs a few hundred totals rows; other filters count the opportunities themselves.
 */
export async function loadBoard(db: Db, actor: Actor, clock: Clock, q: z.infer<typeof boardQuery>): Promise<Board> {
  const pipelineId = q.pipelineId ?? (await defaultPipelineId(db));
  const [pipeline, rule] = await Promise.all([getPipelineDefinition(db, pipelineId), stallRule(db, clock)]);
  const filters = { ...q, pipelineId };
  const stageIds = pipeline.stages.map((s) => s.id);

  const sums: StageSum[] = onlyOwnerFilters(filters)
    ? (
        await sql<StageSum>`
          SELECT t.stage_id, sum(t.n)::int AS n, sum(t.amount)::numeric(16,2)::text AS amount,
                 round(sum(t.amount_x_probability) / 100, 2)::text AS weighted
            FROM opportunity_stage_totals t
           WHERE ${scopeFilter(actor, 't', { ownerId: q.ownerId, departmentId: q.departmentId, and: [sql`t.pipeline_id = ${pipelineId}`] })}
           GROUP BY t.stage_id`.execute(db)
      ).rows
    : ((await applyFilters(db.selectFrom('opportunities as o'), actor, filters, rule)
        .select([
          'o.stage_id',
          sql<number>`count(*)::int`.as('n'),
          sql<string>`coalesce(sum(o.amount), 0)::numeric(16,2)::text`.as('amount'),
          sql<string>`round(coalesce(sum(o.amount * o.probability), 0) / 100, 2)::text`.as('weighted'),
        ])
        .groupBy('o.stage_id')
        .execute()) as StageSum[]);
  const sumBy = new Map(sums.map((s) => [s.stage_id, s]));

  // One statement for every column: a LATERAL page per stage walks the board index newest first.
  const inner = applyFilters(db.selectFrom('opportunities as o'), actor, filters, rule)
    .whereRef('o.stage_id', '=', sql.ref('col.stage_id'))
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .leftJoin('pipeline_stages as s', 's.id', 'o.stage_id')
    .select([
      'o.id',
      'o.name',
      'o.stage_id',
      'o.customer_id',
      'c.name as customer_name',
      'o.owner_id',
      'u.display_name as owner_name',
      'o.amount',
      'o.currency',
      'o.probability',
      weightedAmountSql.as('weighted_amount'),
      'o.expected_close_date',
      'o.stage_entered_at',
      'o.version',
      stalledExpression(rule, sql.ref('s.stalled_after_days')).as('stalled'),
    ])
    .orderBy('o.updated_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(q.perColumn);
  const { rows: cards } = await sql<{
    id: string;
    name: string;
    stage_id: string;
    customer_id: string;
    customer_name: string;
    owner_id: string;
    owner_name: string | null;
    amount: string;
    currency: string;
    probability: string;
    weighted_amount: string;
    expected_close_date: string | null;
    stage_entered_at: Date;
    version: number;
    stalled: BoardCard['stalled'];
  }>`SELECT x.* FROM unnest(${sql.val(stageIds)}::uuid[]) AS col(stage_id) CROSS JOIN LATERAL (${inner}) AS x`.execute(db);

  const zero = { n: 0, amount: '0.00', weighted: '0.00' };
  const columns = pipeline.stages.map((stage) => {
    const s = sumBy.get(stage.id) ?? zero;
    return {
      stage,
      count: s.n,
      amount: s.amount,
      weightedAmount: s.weighted,
      cards: cards
        .filter((c) => c.stage_id === stage.id)
        .map((c) => ({
          id: c.id,
          name: c.name,
          customerId: c.customer_id,
          customerName: c.customer_name,
          ownerId: c.owner_id,
          ownerName: c.owner_name,
          amount: c.amount,
          currency: c.currency,
          probability: Number(c.probability),
          weightedAmount: c.weighted_amount,
          expectedCloseDate: c.expected_close_date,
          stageEnteredAt: new Date(c.stage_entered_at).toISOString(),
          daysInStage: daysSince(c.stage_entered_at, rule.now),
          stalled: c.stalled,
          version: c.version,
        })),
    };
  });
  const open = columns.filter((c) => c.stage.kind === 'open');
  return {
    pipeline,
    columns,
    openTotals: {
      count: open.reduce((n, c) => n + c.count, 0),
      amount: sumMoney(open.map((c) => c.amount)),
      weightedAmount: sumMoney(open.map((c) => c.weightedAmount)),
    },
  };
}
