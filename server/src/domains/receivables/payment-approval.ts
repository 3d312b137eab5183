import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { registerApprovalType } from '../../platform/approvals/public.js';
import { PAYMENT_APPROVAL, paymentDecisions } from './payments.js';

const label = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

// M1: a rep's expected payment (预计回款) goes through the engine when — and only when — the admin has
// set up a flow for it under 审批流程; approval confirms it, rejection (with its comment as the
// reason) releases its allocations, withdrawal returns it to expected. There is no shipped flow: without
// one, finance confirms expected payments directly.
registerApprovalType({
  type: PAYMENT_APPROVAL,
  labels: label('回款确认', '回款確認', 'Payment confirmation'),
  module: 'receivables',
  link: () => '/receivables/payments',
  conditionFields: {
    amount: { kind: 'money', labels: label('回款金额', '回款金額', 'Payment amount') },
    departmentId: { kind: 'department', labels: label('负责人部门', '負責人部門', 'Owner’s department') },
    method: { kind: 'text', labels: label('回款方式', '回款方式', 'Method') },
  },
  async visible(db, actor, id) {
    const row = await db
      .selectFrom('payments')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .where(scopeFilter(actor))
      .executeTakeFirst();
    return row !== undefined;
  },
  async load(trx, id) {
    const { rows } = await sql<{
      amount: string;
      method: string;
      received_on: string;
      owner_id: string;
      owner_dept_id: string | null;
      contract_id: string;
      number: string;
      customer_id: string;
      customer_name: string;
    }>`
      SELECT p.amount::text, p.method, p.received_on::text, p.owner_id, p.owner_dept_id, p.contract_id, c.number, c.customer_id, cu.name AS customer_name
        FROM payments p JOIN contracts c ON c.id = p.contract_id JOIN customers cu ON cu.id = c.customer_id
       WHERE p.id = ${id} AND p.deleted_at IS NULL`.execute(trx);
    const p = rows[0];
    if (!p) return null;
    return {
      title: `${p.customer_name} · ${p.number} · ${p.amount}（${p.received_on}）`,
      // The contract's page, where its payments are listed.
      link: `/contracts/${p.contract_id}`,
      ownerId: p.owner_id,
      customerId: p.customer_id,
      amount: p.amount,
      facts: { amount: p.amount, departmentId: p.owner_dept_id, method: p.method },
    };
  },
  onApproved: (e) => paymentDecisions.approved(e.trx, e.actor, e.documentId, e.now),
  onRejected: (e) => paymentDecisions.rejected(e.trx, e.actor, e.documentId, e.comment, e.now),
  onWithdrawn: (e) => paymentDecisions.withdrawn(e.trx, e.actor, e.documentId),
});
