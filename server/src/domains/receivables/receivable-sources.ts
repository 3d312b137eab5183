import { addMonths } from '@contracts/receivables.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { olderThan, registerTimelineProvider } from '../customers/public.js';
import { registerCreditProvider } from '../grading/public.js';
import { businessToday, companyTimeZone } from './receivable-env.js';

// C8: money received (confirmed payments, at their confirmation) and invoices issued, on the customer's
// 360 timeline beside its contracts.
registerTimelineProvider({
  type: 'payment',
  async fetch(db, _actor, customerId, page) {
    const { rows } = await sql<{
      id: string;
      at: Date;
      amount: string;
      received_on: string;
      method: string;
      contract_id: string;
      number: string;
      note: string | null;
      who: string | null;
    }>`
      SELECT p.id, p.confirmed_at AS at, p.amount::text, p.received_on::text, p.method, c.id AS contract_id, c.number, p.note,
             u.display_name AS who
        FROM contracts c
        JOIN payments p ON p.contract_id = c.id AND p.status = 'confirmed' AND p.deleted_at IS NULL
        LEFT JOIN users u ON u.id = p.confirmed_by
       WHERE c.customer_id = ${customerId} AND c.deleted_at IS NULL AND ${olderThan('p.confirmed_at', 'p.id', page)}
       ORDER BY p.confirmed_at DESC, p.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'payment',
      id: r.id,
      at: new Date(r.at).toISOString(),
      title: `${r.number} · ${r.amount}`,
      body: r.note,
      actorName: r.who,
      meta: { contractId: r.contract_id, contractNumber: r.number, amount: r.amount, receivedOn: r.received_on, method: r.method },
    }));
  },
});

registerTimelineProvider({
  type: 'invoice',
  async fetch(db, _actor, customerId, page) {
    const { rows } = await sql<{
      id: string;
      at: Date;
      number: string;
      issued_on: string;
      amount: string;
      type: string;
      contract_id: string;
      contract_number: string;
      note: string | null;
      who: string | null;
    }>`
      SELECT v.id, v.created_at AS at, v.number, v.issued_on::text, v.amount::text, v.type, c.id AS contract_id,
             c.number AS contract_number, v.note, u.display_name AS who
        FROM contracts c
        JOIN invoices v ON v.contract_id = c.id AND v.deleted_at IS NULL
        LEFT JOIN users u ON u.id = v.created_by
       WHERE c.customer_id = ${customerId} AND c.deleted_at IS NULL AND ${olderThan('v.created_at', 'v.id', page)}
       ORDER BY v.created_at DESC, v.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'invoice',
      id: r.id,
      at: new Date(r.at).toISOString(),
      title: `${r.contract_number} · ${r.number} · ${r.amount}`,
      body: r.note,
      actorName: r.who,
      meta: {
        contractId: r.contract_id,
        contractNumber: r.contract_number,
        number: r.number,
        amount: r.amount,
        type: r.type,
        issuedOn: r.issued_on,
      },
    }));
  },
});

/**
 * C7 credit (0–100): of a customer's instalments that fell due in the last 12 months, the share paid
 * on time. An instalment counts as late when it is still not fully paid after its due date, or when a
 * confirmed payment allocated to it was received after that date. No instalment due in the window: no
 * figure (the grade then treats the customer's credit as full).
 */
export async function creditScores(db: Db, customerIds: string[], now: Date): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const today = businessToday(now);
  const since = addMonths(today, -12);
  const { rows } = await sql<{ customer_id: string; due: number; late: number }>`
    SELECT c.customer_id, count(*)::int AS due,
           count(*) FILTER (WHERE i.paid < i.amount OR EXISTS (
             SELECT 1 FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
              WHERE a.instalment_id = i.id AND p.status = 'confirmed' AND p.deleted_at IS NULL AND p.received_on > i.due_date
           ))::int AS late
      FROM contracts c
      JOIN payment_instalments i ON i.contract_id = c.id
     WHERE c.customer_id = ANY(${customerIds}::uuid[]) AND c.status IN ('effective', 'terminated') AND c.deleted_at IS NULL
       -- A terminated contract's plan closed when it ended: what fell due after that was never owed.
       AND (c.status = 'effective' OR i.due_date < (c.ended_at AT TIME ZONE ${companyTimeZone()})::date)
       AND i.due_date < ${today}::date AND i.due_date >= ${since}::date
     GROUP BY c.customer_id`.execute(db);
  return new Map(rows.map((r) => [r.customer_id, Math.round((100 * (r.due - r.late)) / r.due)]));
}

registerCreditProvider(creditScores);
