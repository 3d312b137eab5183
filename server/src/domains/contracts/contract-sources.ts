import { sql } from 'kysely';
import { olderThan, registerTimelineProvider } from '../customers/public.js';
import { registerContributionProvider } from '../grading/public.js';

const STATUS = { draft: '草稿', in_approval: '审批中', effective: '已生效', terminated: '已终止', voided: '已作废' } as const;

// C8: the customer's contracts on its timeline (at their latest change), and progress recorded on them
// (Q5: the rep sees what was delivered when he chases payment).
registerTimelineProvider({
  type: 'contract',
  async fetch(db, _actor, customerId, page) {
    const { rows } = await sql<{
      id: string;
      at: Date;
      number: string;
      title: string;
      status: keyof typeof STATUS;
      amount: string;
      owner_name: string | null;
    }>`
      SELECT c.id, c.updated_at AS at, c.number, c.title, c.status, c.amount::text, u.display_name AS owner_name
        FROM contracts c LEFT JOIN users u ON u.id = c.owner_id
       WHERE c.customer_id = ${customerId} AND c.deleted_at IS NULL AND ${olderThan('c.updated_at', 'c.id', page)}
       ORDER BY c.updated_at DESC, c.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'contract',
      id: r.id,
      at: new Date(r.at).toISOString(),
      title: `${r.number} ${r.title}`,
      body: null,
      actorName: r.owner_name,
      meta: { status: r.status, statusLabel: STATUS[r.status], amount: r.amount },
    }));
  },
});

registerTimelineProvider({
  type: 'contract_progress',
  async fetch(db, _actor, customerId, page) {
    const { rows } = await sql<{
      id: string;
      at: Date;
      contract_id: string;
      number: string;
      line: string;
      percent: string;
      milestone: string | null;
      reached_on: string;
      note: string | null;
      who: string | null;
    }>`
      SELECT p.id, p.recorded_at AS at, c.id AS contract_id, c.number, l.name AS line, p.percent::text, p.milestone, p.reached_on::text, p.note, u.display_name AS who
        FROM contract_line_progress p
        JOIN contracts c ON c.id = p.contract_id
        JOIN contract_lines l ON l.id = p.line_id
        LEFT JOIN users u ON u.id = p.recorded_by
       WHERE c.customer_id = ${customerId} AND c.deleted_at IS NULL AND ${olderThan('p.recorded_at', 'p.id', page)}
       ORDER BY p.recorded_at DESC, p.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'contract_progress',
      id: r.id,
      at: new Date(r.at).toISOString(),
      title: `${r.number} · ${r.line} ${r.percent}%${r.milestone ? `（${r.milestone}）` : ''}`,
      body: r.note,
      actorName: r.who,
      meta: { contractId: r.contract_id, percent: r.percent, milestone: r.milestone, reachedOn: r.reached_on },
    }));
  },
});

// C7 contribution: effective contracts signed in the period, plus deals won in it that have no
// contract yet (so a customer's standing does not drop the day contracts are introduced).
registerContributionProvider(async (db, customerIds, since) => {
  if (customerIds.length === 0) return new Map();
  const { rows } = await sql<{ customer_id: string; amount: string }>`
    SELECT customer_id, sum(amount)::text AS amount FROM (
      SELECT customer_id, amount FROM contracts
       WHERE customer_id = ANY(${customerIds}::uuid[]) AND status = 'effective' AND deleted_at IS NULL
         AND coalesce(sign_date::timestamptz, effective_at) >= ${since}
      UNION ALL
      SELECT o.customer_id, o.amount FROM opportunities o
       WHERE o.customer_id = ANY(${customerIds}::uuid[]) AND o.status = 'won' AND o.deleted_at IS NULL AND o.closed_at >= ${since}
         AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.opportunity_id = o.id AND c.deleted_at IS NULL AND c.status IN ('effective', 'terminated'))
    ) s GROUP BY customer_id`.execute(db);
  return new Map(rows.map((r) => [r.customer_id, r.amount]));
}, 10);
