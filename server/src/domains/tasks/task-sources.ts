import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { registerCalendarSource } from '../calendar/public.js';
import { olderThan, registerTimelineProvider } from '../customers/public.js';

// Tasks appear on the calendar by due date (company time zone) and on their customer's timeline.
registerCalendarSource({
  kind: 'task',
  async fetch(db, actor, { from, to, ownerId, timeZone }) {
    const { rows } = await sql<{
      id: string;
      title: string;
      due_at: Date;
      day: string;
      status: string;
      customer_id: string | null;
      customer_name: string | null;
      owner_id: string;
      owner_name: string | null;
    }>`SELECT t.id, t.title, t.due_at, to_char((t.due_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day, t.status,
              t.customer_id, c.name AS customer_name, t.owner_id, u.display_name AS owner_name
         FROM tasks t LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN users u ON u.id = t.owner_id
        WHERE t.deleted_at IS NULL AND t.due_at IS NOT NULL AND ${scopeFilter(actor, 't')}
          AND (t.due_at AT TIME ZONE ${timeZone})::date BETWEEN ${from}::date AND ${to}::date
          ${ownerId ? sql`AND t.owner_id = ${ownerId}` : sql``}
        ORDER BY t.due_at LIMIT 2000`.execute(db);
    return rows.map((r) => ({
      kind: 'task' as const,
      id: r.id,
      date: r.day,
      at: new Date(r.due_at).toISOString(),
      title: r.title,
      customerId: r.customer_id,
      customerName: r.customer_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      status: r.status,
    }));
  },
});

registerTimelineProvider({
  type: 'task',
  async fetch(db, _actor, customerId, page) {
    const { rows } = await sql<{
      id: string;
      title: string;
      description: string | null;
      status: string;
      due_at: Date | null;
      created_at: Date;
      owner_name: string | null;
    }>`
      SELECT t.id, t.title, t.description, t.status, t.due_at, t.created_at, u.display_name AS owner_name
        FROM tasks t LEFT JOIN users u ON u.id = t.owner_id
       WHERE t.customer_id = ${customerId} AND t.deleted_at IS NULL AND ${olderThan('t.created_at', 't.id', page)}
       ORDER BY t.created_at DESC, t.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'task',
      id: r.id,
      at: new Date(r.created_at).toISOString(),
      title: r.title,
      body: r.description,
      actorName: r.owner_name,
      meta: { status: r.status, dueAt: r.due_at ? new Date(r.due_at).toISOString() : null },
    }));
  },
});
