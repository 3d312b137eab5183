import { CREDIT_EXCESS_FACT, creditExcessFact } from '../credit/public.js';
import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { registerApprovalType } from '../../platform/approvals/public.js';
import type { Db } from '../../platform/db/database.js';
import { confirmOrder, setOrder } from './order-lifecycle.js';

const label = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const current = (trx: Db, id: string) =>
  trx.selectFrom('orders').select(['id', 'status', 'customer_id', 'total']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();

// M2: orders go through approval only when an administrator saved a flow for them (no shipped
// default); without one, submitting confirms the order at once (order-lifecycle.ts).
registerApprovalType({
  type: 'order',
  labels: label('销售订单', '銷售訂單', 'Sales order'),
  module: 'orders',
  link: (id) => `/orders/${id}`,
  conditionFields: {
    amount: { kind: 'money', labels: label('订单金额', '訂單金額', 'Order total') },
    departmentId: { kind: 'department', labels: label('负责人部门', '負責人部門', 'Owner’s department') },
    // M3: a step on this is the credit override; without one an order past the limit is stopped at submission.
    [CREDIT_EXCESS_FACT]: { kind: 'money', labels: label('超出信用额度', '超出信用額度', 'Over the credit limit by') },
  },
  visible: async (db, actor, id) =>
    (await db.selectFrom('orders').select('id').where('id', '=', id).where(scopeFilter(actor)).executeTakeFirst()) !== undefined,
  async load(trx, id) {
    const { rows } = await sql<{
      number: string;
      total: string;
      owner_id: string;
      owner_dept_id: string | null;
      customer_id: string;
      customer: string;
    }>`
      SELECT o.number, o.total::text, o.owner_id, o.owner_dept_id, o.customer_id, c.name AS customer
        FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ${id}`.execute(trx);
    const o = rows[0];
    if (!o) return null;
    return {
      title: `${o.number} ${o.customer}`,
      ownerId: o.owner_id,
      customerId: o.customer_id,
      amount: o.total,
      facts: { amount: o.total, departmentId: o.owner_dept_id, [CREDIT_EXCESS_FACT]: await creditExcessFact(trx, o.customer_id, o.total) },
    };
  },
  async onApproved(e) {
    await confirmOrder(e.trx, await current(e.trx, e.documentId), { actor: e.actor, now: e.now });
  },
  onRejected: async (e) => setOrder(e.trx, e.actor, await current(e.trx, e.documentId), { status: 'draft' }),
  onWithdrawn: async (e) => setOrder(e.trx, e.actor, await current(e.trx, e.documentId), { status: 'draft' }),
});
