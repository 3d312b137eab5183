import { scopeFilter } from '../../platform/access/data-scope.js';
import { firstActiveAdmin, registerApprovalType } from '../../platform/approvals/public.js';
import type { Db } from '../../platform/db/database.js';
import { setExpenseStatus } from './expense-lifecycle.js';

const label = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const current = (trx: Db, id: string) => trx.selectFrom('expenses').select(['id', 'status']).where('id', '=', id).executeTakeFirstOrThrow();

/**
 * M4: an expense claim goes to the submitter's manager (seed 004); the admin may add steps (finance
 * above an amount, say) in 审批流程. Approval makes it count; rejection returns it to the rep with
 * the reason, to correct and resubmit; withdrawal returns it to draft.
 */
registerApprovalType({
  type: 'expense',
  labels: label('费用报销', '費用報銷', 'Expense claim'),
  module: 'expenses',
  link: (id) => `/expenses/${id}`,
  conditionFields: {
    amount: { kind: 'money', labels: label('报销金额', '報銷金額', 'Amount claimed') },
    category: { kind: 'text', labels: label('费用类别', '費用類別', 'Category') },
    departmentId: { kind: 'department', labels: label('报销人部门', '報銷人部門', 'Claimant’s department') },
  },
  async visible(db, actor, id) {
    const row = await db.selectFrom('expenses').select('id').where('id', '=', id).where(scopeFilter(actor)).executeTakeFirst();
    return row !== undefined;
  },
  async load(trx, id) {
    const e = await trx
      .selectFrom('expenses as e')
      .innerJoin('customers as c', 'c.id', 'e.customer_id')
      .select(['e.number', 'e.amount', 'e.category', 'e.owner_id', 'e.owner_dept_id', 'e.customer_id', 'c.name as customer_name'])
      .where('e.id', '=', id)
      .executeTakeFirst();
    if (!e) return null;
    return {
      title: `${e.number} ${e.customer_name}`,
      ownerId: e.owner_id,
      customerId: e.customer_id,
      amount: e.amount,
      facts: { amount: e.amount, category: e.category, departmentId: e.owner_dept_id },
    };
  },
  defaultFlow: async (db) => {
    const admin = await firstActiveAdmin(db);
    if (!admin) return null;
    return {
      steps: [{ name: '直属上级审批', mode: 'any', approvers: [{ kind: 'submitter_manager' }] }],
      fallbackUserId: admin,
      allowSelfApproval: false,
      restartFrom: 'first_step',
    };
  },
  onApproved: async (e) => setExpenseStatus(e.trx, e.actor, await current(e.trx, e.documentId), { status: 'approved', approved_at: e.now }),
  onRejected: async (e) =>
    setExpenseStatus(e.trx, e.actor, await current(e.trx, e.documentId), {
      status: 'rejected',
      rejected_at: e.now,
      reject_reason: e.comment,
    }),
  onWithdrawn: async (e) => setExpenseStatus(e.trx, e.actor, await current(e.trx, e.documentId), { status: 'draft', submitted_at: null }),
});
