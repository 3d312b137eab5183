import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { businessDate } from '../../platform/dates.js';
import { registerCalendarSource } from '../calendar/public.js';
import { onFollowUpCreated } from '../follow-ups/public.js';
import { visitStatus } from './visit-plan-service.js';

// A visit follow-up fulfils its author's plan for that customer on that (company-time-zone) day.
onFollowUpCreated(async (trx, f, { timeZone }) => {
  if (f.type !== 'visit') return;
  const day = businessDate(new Date(f.occurred_at), timeZone);
  await trx
    .updateTable('visit_plans')
    .set({ fulfilled_by: f.id, version: sql`version + 1`, updated_at: sql`now()` })
    .where('owner_id', '=', f.owner_id)
    .where('customer_id', '=', f.customer_id)
    .where('plan_date', '=', day)
    .where('fulfilled_by', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
});

registerCalendarSource({
  kind: 'visit_plan',
  async fetch(db, actor, { from, to, ownerId, today }) {
    const { rows } = await sql<{
      id: string;
      day: string;
      purpose: string | null;
      fulfilled_by: string | null;
      customer_id: string;
      customer_name: string;
      owner_id: string;
      owner_name: string | null;
    }>`SELECT p.id, to_char(p.plan_date, 'YYYY-MM-DD') AS day, p.purpose, p.fulfilled_by, p.customer_id, c.name AS customer_name,
              p.owner_id, u.display_name AS owner_name
         FROM visit_plans p JOIN customers c ON c.id = p.customer_id LEFT JOIN users u ON u.id = p.owner_id
        WHERE p.deleted_at IS NULL AND ${scopeFilter(actor, 'p')} AND p.plan_date BETWEEN ${from}::date AND ${to}::date
          ${ownerId ? sql`AND p.owner_id = ${ownerId}` : sql``}
        ORDER BY p.plan_date LIMIT 2000`.execute(db);
    return rows.map((r) => ({
      kind: 'visit_plan' as const,
      id: r.id,
      date: r.day,
      at: null,
      title: r.purpose ? `${r.customer_name}：${r.purpose}` : r.customer_name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      status: visitStatus({ fulfilled_by: r.fulfilled_by, plan_date: r.day }, today),
    }));
  },
});
