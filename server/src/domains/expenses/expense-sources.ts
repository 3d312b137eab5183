import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { olderThan, registerTimelineProvider } from '../customers/public.js';

const STATUS = { in_approval: '审批中', approved: '已通过', rejected: '已驳回' } as const;

// C8 + M4: the customer's submitted, approved and rejected claims on its timeline (at their latest
// change), only those the caller may see (a rep his own claims).
registerTimelineProvider({
  type: 'expense',
  async fetch(db, actor, customerId, page) {
    const { rows } = await sql<{
      id: string;
      at: Date;
      number: string;
      category: string;
      category_label: string | null;
      amount: string;
      status: keyof typeof STATUS;
      description: string;
      owner_name: string | null;
    }>`
      SELECT e.id, e.updated_at AS at, e.number, e.category, p.label_zh_cn AS category_label, e.amount::text, e.status,
             e.description, u.display_name AS owner_name
        FROM expenses e
        LEFT JOIN users u ON u.id = e.owner_id
        LEFT JOIN picklist_values p ON p.list = 'expense_category' AND p.code = e.category
       WHERE e.customer_id = ${customerId} AND e.deleted_at IS NULL AND e.status <> 'draft'
         AND ${scopeFilter(actor, 'e')} AND ${olderThan('e.updated_at', 'e.id', page)}
       ORDER BY e.updated_at DESC, e.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'expense',
      id: r.id,
      at: new Date(r.at).toISOString(),
      title: `${r.number} ${r.category_label ?? r.category} ¥${r.amount}（${STATUS[r.status]}）`,
      body: r.description,
      actorName: r.owner_name,
      meta: { status: r.status, statusLabel: STATUS[r.status], amount: r.amount, category: r.category },
    }));
  },
});
