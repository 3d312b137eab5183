import type { FOLLOW_UP_TYPES } from '@contracts/follow-ups.js';
import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { registerCalendarSource } from '../calendar/public.js';
import { olderThan, registerTimelineProvider } from '../customers/public.js';
import { followUpsToApi } from './follow-up-service.js';
import type { FollowUpRow } from './follow-up-table.js';

type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

// C8: every follow-up of the customer, whoever wrote it — seeing the customer means seeing its story.
registerTimelineProvider({
  type: 'follow_up',
  async fetch(db, _actor, customerId, page) {
    const rows = (await db
      .selectFrom('follow_ups')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('deleted_at', 'is', null)
      .where(olderThan('occurred_at', 'id', page))
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .execute()) as FollowUpRow[];
    return (await followUpsToApi(db, rows)).map((f) => ({
      type: 'follow_up',
      id: f.id,
      at: f.occurredAt,
      title: f.type satisfies FollowUpType,
      body: f.content,
      actorName: f.ownerName,
      meta: {
        outcome: f.outcome,
        contactName: f.contactName,
        nextFollowUpDate: f.nextFollowUpDate,
        followUpType: f.type,
        opportunityId: f.opportunityId,
        opportunityName: f.opportunityName,
      },
    }));
  },
});

// C5 calendar: the next follow-up date a rep set is a date to keep. A customer's follow-ups go into
// the recycle bin with it (registerDependant), so their own deleted_at is the whole rule here.
registerCalendarSource({
  kind: 'next_follow_up',
  async fetch(db, actor, { from, to, ownerId }) {
    const { rows } = await sql<{
      id: string;
      day: string;
      content: string;
      customer_id: string;
      customer_name: string;
      owner_id: string;
      owner_name: string | null;
    }>`SELECT f.id, to_char(f.next_follow_up_date, 'YYYY-MM-DD') AS day, f.content, f.customer_id, c.name AS customer_name,
              f.owner_id, u.display_name AS owner_name
         FROM follow_ups f JOIN customers c ON c.id = f.customer_id LEFT JOIN users u ON u.id = f.owner_id
        WHERE f.deleted_at IS NULL AND ${scopeFilter(actor, 'f')}
          AND f.next_follow_up_date BETWEEN ${from}::date AND ${to}::date
          ${ownerId ? sql`AND f.owner_id = ${ownerId}` : sql``}
        ORDER BY f.next_follow_up_date LIMIT 2000`.execute(db);
    return rows.map((r) => ({
      kind: 'next_follow_up' as const,
      id: r.id,
      date: r.day,
      at: null,
      title: r.customer_name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      status: null,
    }));
  },
});
