import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { registerCalendarSource } from '../calendar/public.js';
import { registerLastWonProvider } from '../customer-pool/public.js';
import { olderThan, registerTimelineProvider } from '../customers/public.js';
import { onFollowUpCreated } from '../follow-ups/public.js';
import { registerContributionProvider } from '../grading/public.js';

// C8: the customer's deals on its timeline, at their latest stage change, like its follow-ups:
// whoever sees the customer sees what is being sold to it.
registerTimelineProvider({
  type: 'opportunity',
  async fetch(db, _actor, customerId, page) {
    const rows = await db
      .selectFrom('opportunities as o')
      .innerJoin('pipeline_stages as s', 's.id', 'o.stage_id')
      .leftJoin('users as u', 'u.id', 'o.owner_id')
      .select([
        'o.id',
        'o.name',
        'o.amount',
        'o.currency',
        'o.probability',
        'o.status',
        'o.stage_entered_at',
        'o.expected_close_date',
        's.label_zh_cn',
        's.label_zh_tw',
        's.label_en',
        'u.display_name',
      ])
      .where('o.customer_id', '=', customerId)
      .where('o.deleted_at', 'is', null)
      .where(olderThan('o.stage_entered_at', 'o.id', page))
      .orderBy('o.stage_entered_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(page.limit)
      .execute();
    return rows.map((r) => ({
      type: 'opportunity',
      id: r.id,
      at: new Date(r.stage_entered_at).toISOString(),
      title: r.name,
      body: null,
      actorName: r.display_name,
      meta: {
        amount: r.amount,
        currency: r.currency,
        probability: Number(r.probability),
        status: r.status,
        stageLabels: { 'zh-CN': r.label_zh_cn, 'zh-TW': r.label_zh_tw, en: r.label_en },
        expectedCloseDate: r.expected_close_date,
      },
    }));
  },
});

// C3 "no won deal in M days": when each customer last won an opportunity.
registerLastWonProvider(async (db, customerIds) => {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('opportunities')
    .select(['customer_id', sql<Date>`max(closed_at)`.as('at')])
    .where('customer_id', 'in', customerIds)
    .where('status', '=', 'won')
    .where('deleted_at', 'is', null)
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((r) => [r.customer_id, new Date(r.at)]));
});

// C7 contribution: what a customer signed in the period. Won opportunities until contracts exist.
registerContributionProvider(async (db, customerIds, since) => {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('opportunities')
    .select(['customer_id', sql<string>`sum(amount)::text`.as('amount')])
    .where('customer_id', 'in', customerIds)
    .where('status', '=', 'won')
    .where('closed_at', '>=', since)
    .where('deleted_at', 'is', null)
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((r) => [r.customer_id, r.amount]));
});

// O4: a follow-up on a deal is activity on it; "no follow-up in N days" counts from the latest.
onFollowUpCreated(async (trx, followUp) => {
  if (!followUp.opportunity_id) return;
  await trx
    .updateTable('opportunities')
    .set({ last_follow_up_at: sql`greatest(last_follow_up_at, ${followUp.occurred_at}::timestamptz)` })
    .where('id', '=', followUp.opportunity_id)
    .execute();
});

// C5 calendar: the day an open deal is expected to sign is a date a rep (and his manager) plans for.
registerCalendarSource({
  kind: 'opportunity_close',
  async fetch(db, actor, { from, to, ownerId }) {
    const { rows } = await sql<{
      id: string;
      day: string;
      name: string;
      customer_id: string;
      customer_name: string;
      owner_id: string;
      owner_name: string | null;
    }>`SELECT o.id, to_char(o.expected_close_date, 'YYYY-MM-DD') AS day, o.name, o.customer_id, c.name AS customer_name,
              o.owner_id, u.display_name AS owner_name
         FROM opportunities o JOIN customers c ON c.id = o.customer_id LEFT JOIN users u ON u.id = o.owner_id
        WHERE o.deleted_at IS NULL AND o.status = 'open' AND ${scopeFilter(actor, 'o')}
          AND o.expected_close_date BETWEEN ${from}::date AND ${to}::date
          ${ownerId ? sql`AND o.owner_id = ${ownerId}` : sql``}
        ORDER BY o.expected_close_date, o.amount DESC LIMIT 2000`.execute(db);
    return rows.map((r) => ({
      kind: 'opportunity_close' as const,
      id: r.id,
      date: r.day,
      at: null,
      title: r.name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      status: null,
    }));
  },
});
