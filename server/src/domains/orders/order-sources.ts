import { sql } from 'kysely';
import { olderThan, registerTimelineProvider } from '../customers/public.js';

const STATUS = {
  draft: '草稿',
  in_approval: '审批中',
  confirmed: '已确认',
  partially_delivered: '部分发货',
  delivered: '已发货',
  cancelled: '已取消',
} as const;

// C8: the customer's orders on its timeline (at their latest change), and each delivery made on them.
registerTimelineProvider({
  type: 'order',
  async fetch(db, _actor, customerId, page) {
    const { rows } = await sql<{
      id: string;
      at: Date;
      number: string;
      status: keyof typeof STATUS;
      total: string;
      owner_name: string | null;
    }>`
      SELECT o.id, o.updated_at AS at, o.number, o.status, o.total::text, u.display_name AS owner_name
        FROM orders o LEFT JOIN users u ON u.id = o.owner_id
       WHERE o.customer_id = ${customerId} AND o.deleted_at IS NULL AND ${olderThan('o.updated_at', 'o.id', page)}
       ORDER BY o.updated_at DESC, o.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'order',
      id: r.id,
      at: new Date(r.at).toISOString(),
      title: `${r.number}（${STATUS[r.status]}）`,
      body: null,
      actorName: r.owner_name,
      meta: { status: r.status, statusLabel: STATUS[r.status], amount: r.total, orderId: r.id },
    }));
  },
});

registerTimelineProvider({
  type: 'delivery',
  async fetch(db, _actor, customerId, page) {
    const { rows } = await sql<{
      id: string;
      at: Date;
      order_id: string;
      number: string;
      delivered_on: string;
      tracking_no: string | null;
      carrier: string | null;
      note: string | null;
      items: string | null;
      who: string | null;
    }>`
      SELECT d.id, d.created_at AS at, o.id AS order_id, o.number, d.delivered_on::text, d.tracking_no, d.carrier, d.note, u.display_name AS who,
             (SELECT string_agg(l.name || ' ' || rtrim(rtrim(dl.quantity::text, '0'), '.') || l.unit, '、' ORDER BY l.position)
                FROM delivery_lines dl JOIN order_lines l ON l.id = dl.order_line_id WHERE dl.delivery_id = d.id) AS items
        FROM deliveries d
        JOIN orders o ON o.id = d.order_id
        LEFT JOIN users u ON u.id = d.created_by
       WHERE o.customer_id = ${customerId} AND o.deleted_at IS NULL AND ${olderThan('d.created_at', 'd.id', page)}
       ORDER BY d.created_at DESC, d.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'delivery',
      id: r.id,
      at: new Date(r.at).toISOString(),
      title: `${r.number} 发货（${r.delivered_on}）`,
      body:
        [r.items, r.carrier || r.tracking_no ? `${r.carrier ?? ''} ${r.tracking_no ?? ''}`.trim() : null, r.note]
          .filter(Boolean)
          .join('\n') || null,
      actorName: r.who,
      meta: { orderId: r.order_id, deliveredOn: r.delivered_on, trackingNo: r.tracking_no },
    }));
  },
});
