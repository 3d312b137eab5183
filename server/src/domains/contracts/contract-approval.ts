import type { FlowDefinition } from '@contracts/approvals.js';
import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { firstActiveAdmin, registerApprovalType } from '../../platform/approvals/public.js';
import type { Db } from '../../platform/db/database.js';
import { CREDIT_EXCESS_FACT, creditExcessFact } from '../credit/public.js';
import { setContract } from './contract-lifecycle.js';
import { whenEffective } from './contract-effects.js';

const label = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const conditionFields = {
  amount: { kind: 'money' as const, labels: label('合同金额', '合約金額', 'Contract amount') },
  departmentId: { kind: 'department' as const, labels: label('负责人部门', '負責人部門', 'Owner’s department') },
  customerGrade: { kind: 'text' as const, labels: label('客户等级', '客戶等級', 'Customer grade') },
  // M3: a step on this (超出信用额度 > 0) is the credit override; without one, an over-limit contract is stopped.
  [CREDIT_EXCESS_FACT]: { kind: 'money' as const, labels: label('超出信用额度', '超出信用額度', 'Over the credit limit by') },
};

/** Seed 002: 销售经理 → 项目经理 → 财务和法务 together (会签). */
export async function defaultContractFlow(db: Db): Promise<FlowDefinition | null> {
  const admin = await firstActiveAdmin(db);
  if (!admin) return null;
  return {
    steps: [
      { name: '销售经理审核', mode: 'any', approvers: [{ kind: 'submitter_manager' }] },
      { name: '项目经理审核', mode: 'any', approvers: [{ kind: 'role', roleKey: 'project_manager' }] },
      {
        name: '财务和法务审核',
        mode: 'all',
        approvers: [
          { kind: 'role', roleKey: 'finance' },
          { kind: 'role', roleKey: 'legal' },
        ],
      },
    ],
    fallbackUserId: admin,
    allowSelfApproval: false,
    restartFrom: 'first_step',
  };
}

async function loadContract(trx: Db, id: string) {
  const { rows } = await sql<{
    number: string;
    title: string;
    amount: string;
    owner_id: string;
    owner_dept_id: string | null;
    customer_id: string;
    grade: string | null;
  }>`
    SELECT c.number, c.title, c.amount::text, c.owner_id, c.owner_dept_id, c.customer_id, cu.grade
      FROM contracts c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ${id}`.execute(trx);
  return rows[0];
}

const visible = async (db: Db, actor: Parameters<typeof scopeFilter>[0], id: string) =>
  (await db.selectFrom('contracts').select('id').where('id', '=', id).where(scopeFilter(actor)).executeTakeFirst()) !== undefined;

const current = (trx: Db, id: string) =>
  trx.selectFrom('contracts').select(['id', 'status', 'end_request']).where('id', '=', id).executeTakeFirstOrThrow();

registerApprovalType({
  type: 'contract',
  labels: label('合同', '合約', 'Contract'),
  module: 'contracts',
  link: (id) => `/contracts/${id}`,
  conditionFields,
  visible,
  async load(trx, id) {
    const c = await loadContract(trx, id);
    if (!c) return null;
    return {
      title: `${c.number} ${c.title}`,
      ownerId: c.owner_id,
      customerId: c.customer_id,
      amount: c.amount,
      facts: {
        amount: c.amount,
        departmentId: c.owner_dept_id,
        customerGrade: c.grade,
        [CREDIT_EXCESS_FACT]: await creditExcessFact(trx, c.customer_id, c.amount),
      },
    };
  },
  defaultFlow: defaultContractFlow,
  async onApproved(e) {
    const c = await current(e.trx, e.documentId);
    await setContract(e.trx, e.actor, c, { status: 'effective', effective_at: e.now });
    await whenEffective(e.trx, e.actor, e.now, e.documentId);
  },
  onRejected: async (e) => setContract(e.trx, e.actor, await current(e.trx, e.documentId), { status: 'draft' }),
  onWithdrawn: async (e) => setContract(e.trx, e.actor, await current(e.trx, e.documentId), { status: 'draft' }),
});

// Terminating or voiding an effective contract has its own approval (the same flow by default).
registerApprovalType({
  type: 'contract_end',
  labels: label('合同终止/作废', '合約終止/作廢', 'Contract termination / void'),
  module: 'contracts',
  link: (id) => `/contracts/${id}`,
  conditionFields,
  visible,
  async load(trx, id) {
    const c = await loadContract(trx, id);
    if (!c) return null;
    const r = await current(trx, id);
    const verb = r.end_request === 'void' ? '作废' : '终止';
    return {
      title: `${verb} ${c.number} ${c.title}`,
      ownerId: c.owner_id,
      customerId: c.customer_id,
      amount: c.amount,
      facts: { amount: c.amount, departmentId: c.owner_dept_id, customerGrade: c.grade },
    };
  },
  defaultFlow: defaultContractFlow,
  async onApproved(e) {
    const c = await current(e.trx, e.documentId);
    await setContract(e.trx, e.actor, c, { status: c.end_request === 'void' ? 'voided' : 'terminated', ended_at: e.now });
  },
  onRejected: async (e) => setContract(e.trx, e.actor, await current(e.trx, e.documentId), { end_request: null, end_reason: null }),
  onWithdrawn: async (e) => setContract(e.trx, e.actor, await current(e.trx, e.documentId), { end_request: null, end_reason: null }),
});
