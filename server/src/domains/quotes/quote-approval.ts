import { scopeFilter } from '../../platform/access/data-scope.js';
import { firstActiveAdmin, registerApprovalType } from '../../platform/approvals/public.js';
import { setQuoteStatus } from './quote-lifecycle.js';

/**
 * Q2/Q3: a quote beyond its submitter's discount limit goes through the approval engine. Its steps
 * may test the amount, the largest discount and the department; approval lets it be sent, rejection
 * and withdrawal return it to draft.
 */
registerApprovalType({
  type: 'quote',
  labels: { 'zh-CN': '报价单', 'zh-TW': '報價單', en: 'Quote' },
  module: 'quotes',
  link: (id) => `/quotes/${id}`,
  conditionFields: {
    amount: { kind: 'money', labels: { 'zh-CN': '报价金额', 'zh-TW': '報價金額', en: 'Quote total' } },
    maxDiscount: { kind: 'percent', labels: { 'zh-CN': '最大折扣', 'zh-TW': '最大折扣', en: 'Largest discount' } },
    departmentId: { kind: 'department', labels: { 'zh-CN': '负责人部门', 'zh-TW': '負責人部門', en: 'Owner’s department' } },
  },
  async visible(db, actor, id) {
    const row = await db.selectFrom('quotes').select('id').where('id', '=', id).where(scopeFilter(actor)).executeTakeFirst();
    return row !== undefined;
  },
  async load(trx, id) {
    const q = await trx
      .selectFrom('quotes')
      .select(['number', 'title', 'total', 'max_discount', 'owner_id', 'owner_dept_id', 'customer_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!q) return null;
    return {
      title: `${q.number} ${q.title}`,
      ownerId: q.owner_id,
      customerId: q.customer_id,
      amount: q.total,
      facts: { amount: q.total, maxDiscount: q.max_discount, departmentId: q.owner_dept_id },
    };
  },
  // Seed 002: beyond the rep's limit, his manager decides.
  defaultFlow: async (db) => {
    const admin = await firstActiveAdmin(db);
    if (!admin) return null;
    return {
      steps: [{ name: '销售主管审批', mode: 'any', approvers: [{ kind: 'submitter_manager' }] }],
      fallbackUserId: admin,
      allowSelfApproval: false,
      restartFrom: 'first_step',
    };
  },
  onApproved: async (e) =>
    statusOf(e.trx, e.documentId).then((q) => setQuoteStatus(e.trx, e.actor, q, { status: 'approved', approved_at: e.now })),
  onRejected: async (e) => statusOf(e.trx, e.documentId).then((q) => setQuoteStatus(e.trx, e.actor, q, { status: 'draft' })),
  onWithdrawn: async (e) => statusOf(e.trx, e.documentId).then((q) => setQuoteStatus(e.trx, e.actor, q, { status: 'draft' })),
});

async function statusOf(trx: Parameters<typeof setQuoteStatus>[0], id: string) {
  return trx.selectFrom('quotes').select(['id', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
}
