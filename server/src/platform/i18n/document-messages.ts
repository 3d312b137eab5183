// Messages of the document platform (numbering, approvals) and the documents on it (quotes,
// contracts …), kept apart from the first half's catalogue so neither file grows past reading.
import { ORDER_FIELD_MESSAGES, ORDER_MESSAGES, ORDER_STATUS_CODES } from './order-messages.js';

export const DOCUMENT_MESSAGES = {
  APPROVAL_NO_FLOW: {
    'zh-CN': '{type}还没有设置审批流程，请联系管理员在“审批流程”里设置',
    'zh-TW': '{type}還沒有設定審批流程，請聯繫管理員在「審批流程」裡設定',
    en: 'No approval flow is set up for {type}; ask an administrator to set one up',
  },
  APPROVAL_PENDING: {
    'zh-CN': '这张单据已在审批中，不能重复提交',
    'zh-TW': '這張單據已在審批中，不能重複提交',
    en: 'This document is already awaiting approval',
  },
  APPROVAL_NO_APPROVER: {
    'zh-CN': '“{step}”这一步找不到审批人，备用审批人也不可用，请联系管理员调整审批流程',
    'zh-TW': '「{step}」這一步找不到審批人，備用審批人也不可用，請聯繫管理員調整審批流程',
    en: 'Nobody can approve the step "{step}", not even the fallback approver; ask an administrator to fix the flow',
  },
  APPROVAL_DONE: {
    'zh-CN': '这一步已经有人处理过了，或审批已结束，请刷新查看最新状态',
    'zh-TW': '這一步已經有人處理過了，或審批已結束，請重新整理查看最新狀態',
    en: 'This step was already decided, or the approval has ended; reload to see where it stands',
  },
  APPROVAL_SELF: {
    'zh-CN': '不能审批自己提交的单据',
    'zh-TW': '不能審批自己提交的單據',
    en: 'You cannot approve your own submission',
  },
  DOCUMENT_LOCKED: {
    'zh-CN': '{document}正在审批中，不能修改；如需修改请先撤回',
    'zh-TW': '{document}正在審批中，不能修改；如需修改請先撤回',
    en: '{document} is awaiting approval and cannot be changed; withdraw it first',
  },
  DOCUMENT_FINAL: {
    'zh-CN': '{document}已{status}，金额和明细不能再修改',
    'zh-TW': '{document}已{status}，金額和明細不能再修改',
    en: '{document} is {status}; its amount and lines can no longer change',
  },
  QUOTE_STATUS: {
    'zh-CN': '报价单已{status}，不能执行这个操作',
    'zh-TW': '報價單已{status}，不能執行這個操作',
    en: 'The quote is {status}; this step does not apply',
  },
  QUOTE_NEEDS_APPROVAL: {
    'zh-CN': '折扣超出了您的权限（最多 {limit}%），要先提交审批，审批通过后才能发给客户',
    'zh-TW': '折扣超出了您的權限（最多 {limit}%），要先提交審批，審批通過後才能發給客戶',
    en: 'The discount is beyond your limit ({limit}%): submit it for approval before sending it',
  },
  DOCUMENT_FROZEN: {
    'zh-CN': '合同已提交或已生效，金额和明细不能再修改；生效后的变更请走补充协议',
    'zh-TW': '合約已提交或已生效，金額和明細不能再修改；生效後的變更請走補充協議',
    en: 'The contract is submitted or effective: its amount and lines cannot change; use an amendment',
  },
  CONTRACT_STATUS: {
    'zh-CN': '合同当前是“{status}”状态，不能执行这个操作',
    'zh-TW': '合約目前是「{status}」狀態，不能執行這個操作',
    en: 'The contract is {status}; this step does not apply',
  },
  QUOTE_EXPIRED: {
    'zh-CN': '报价单已过有效期（{date}），请出一个新版本',
    'zh-TW': '報價單已過有效期（{date}），請出一個新版本',
    en: 'The quote expired on {date}; make a new version',
  },
  PAYMENT_OVER_UNPAID: {
    'zh-CN': '回款金额 {amount} 超过了合同未回款金额 {unpaid}',
    'zh-TW': '回款金額 {amount} 超過了合約未回款金額 {unpaid}',
    en: 'The payment of {amount} is more than the {unpaid} still unpaid on the contract',
  },
  INSTALMENT_OVER_ALLOCATED: {
    'zh-CN': '第 {position} 期还可分配 {remaining}，不能再分配 {amount}',
    'zh-TW': '第 {position} 期還可分配 {remaining}，不能再分配 {amount}',
    en: 'Instalment {position} has {remaining} left to allocate, not {amount}',
  },
  PAYMENT_NO_PLAN: {
    'zh-CN': '这份合同还没有回款计划，请先制定回款计划',
    'zh-TW': '這份合約還沒有回款計劃，請先制定回款計劃',
    en: 'This contract has no payment plan yet; set one up first',
  },
  PLAN_DROPS_ALLOCATED: {
    'zh-CN': '第 {position} 期已分配回款 {allocated}，不能删除或减少到这个金额以下',
    'zh-TW': '第 {position} 期已分配回款 {allocated}，不能刪除或減少到這個金額以下',
    en: 'Instalment {position} already has {allocated} allocated; it cannot be removed or go below that',
  },
  PAYMENT_CONFIRMED: {
    'zh-CN': '这笔回款已经确认过了',
    'zh-TW': '這筆回款已經確認過了',
    en: 'This payment is already confirmed',
  },
  ...ORDER_MESSAGES,
  EXPENSE_STATUS: {
    'zh-CN': '报销单当前是“{status}”状态，不能执行这个操作',
    'zh-TW': '報銷單目前是「{status}」狀態，不能執行這個操作',
    en: 'The expense claim is {status}; this step does not apply',
  },
  EXPENSE_OTHER_CUSTOMER: {
    'zh-CN': '所选的商机或合同不属于这个客户',
    'zh-TW': '所選的商機或合約不屬於這個客戶',
    en: 'The deal or contract chosen belongs to another customer',
  },
  PAYMENT_STATUS: {
    'zh-CN': '这笔回款{status}，不能执行这个操作',
    'zh-TW': '這筆回款{status}，不能執行這個操作',
    en: 'The payment is {status}; this step does not apply',
  },
  PAYMENT_FINANCE_ONLY: {
    'zh-CN': '已确认的回款只有财务可以更正或删除',
    'zh-TW': '已確認的回款只有財務可以更正或刪除',
    en: 'Only finance can correct or delete a confirmed payment',
  },
  PAYMENT_IN_FLOW: {
    'zh-CN': '这笔回款正在审批流程中，请在审批中心处理',
    'zh-TW': '這筆回款正在審批流程中，請在審批中心處理',
    en: 'This payment is in its approval flow; decide it in the approval centre',
  },
  RECEIVABLE_OVER_ALLOCATED: {
    'zh-CN': '这笔回款要核销的期次已经被别的回款占满了，超出了该期金额；请先调整别的回款或回款计划',
    'zh-TW': '這筆回款要核銷的期次已經被別的回款佔滿了，超出了該期金額；請先調整別的回款或回款計畫',
    en: 'The instalments this payment is allocated to are already taken by other payments; adjust them or the plan first',
  },
  RECEIVABLE_OVER_CONTRACT: {
    'zh-CN': '回款合计会超过合同金额，不能保存',
    'zh-TW': '回款合計會超過合約金額，不能儲存',
    en: 'The payments would add up to more than the contract amount',
  },
  PAYMENT_NOT_ALLOCATED: {
    'zh-CN': '这笔回款原来核销的期次已经不在回款计划里了，不能恢复；请重新登记一笔回款',
    'zh-TW': '這筆回款原來核銷的期次已經不在回款計畫裡了，不能恢復；請重新登記一筆回款',
    en: 'The instalments this payment was allocated to are no longer in the plan; register it again instead',
  },
  INVOICE_OVER_CONTRACT: {
    'zh-CN': '开票合计会超过合同金额，不能保存',
    'zh-TW': '開票合計會超過合約金額，不能儲存',
    en: 'The invoices would add up to more than the contract amount',
  },
  INVOICE_OVER_AMOUNT: {
    'zh-CN': '开票金额 {amount} 超过了合同还可开票的 {remaining}（合同金额 {contractAmount}，已开票 {invoiced}）',
    'zh-TW': '開票金額 {amount} 超過了合約還可開票的 {remaining}（合約金額 {contractAmount}，已開票 {invoiced}）',
    en: 'The invoice of {amount} is more than the {remaining} left to invoice (contract {contractAmount}, invoiced {invoiced})',
  },
} as const;

export const DOCUMENT_STATUS: Record<keyof typeof DOCUMENT_MESSAGES, number> = {
  APPROVAL_NO_FLOW: 422,
  APPROVAL_PENDING: 409,
  APPROVAL_NO_APPROVER: 422,
  APPROVAL_DONE: 409,
  APPROVAL_SELF: 403,
  DOCUMENT_LOCKED: 409,
  DOCUMENT_FINAL: 409,
  QUOTE_STATUS: 409,
  QUOTE_NEEDS_APPROVAL: 422,
  QUOTE_EXPIRED: 409,
  DOCUMENT_FROZEN: 409,
  CONTRACT_STATUS: 409,
  PAYMENT_OVER_UNPAID: 422,
  INSTALMENT_OVER_ALLOCATED: 422,
  PAYMENT_NO_PLAN: 422,
  PLAN_DROPS_ALLOCATED: 409,
  PAYMENT_CONFIRMED: 409,
  ...ORDER_STATUS_CODES,
  EXPENSE_STATUS: 409,
  EXPENSE_OTHER_CUSTOMER: 422,
  PAYMENT_STATUS: 409,
  PAYMENT_FINANCE_ONLY: 403,
  PAYMENT_IN_FLOW: 409,
  INVOICE_OVER_AMOUNT: 409,
  RECEIVABLE_OVER_ALLOCATED: 409,
  RECEIVABLE_OVER_CONTRACT: 409,
  PAYMENT_NOT_ALLOCATED: 409,
  INVOICE_OVER_CONTRACT: 409,
};

export const DOCUMENT_FIELD_MESSAGES = {
  amendment_below_zero: {
    'zh-CN': '减少的金额超过了合同金额',
    'zh-TW': '減少的金額超過了合約金額',
    en: 'This would take the contract below zero',
  },
  quote_not_accepted: {
    'zh-CN': '只有客户已接受的报价单才能生成合同',
    'zh-TW': '只有客戶已接受的報價單才能產生合約',
    en: 'Only a quote the customer accepted can become a contract',
  },
  number_pattern_seq: {
    'zh-CN': '编号规则里要有且只有一个流水号，如 {SEQ:4}',
    'zh-TW': '編號規則裡要有且只有一個流水號，如 {SEQ:4}',
    en: 'The pattern needs exactly one counter, e.g. {SEQ:4}',
  },
  number_pattern_token: {
    'zh-CN': '只能使用 {YYYY} {YY} {MM} {DD} {SEQ:n} 这几种占位符',
    'zh-TW': '只能使用 {YYYY} {YY} {MM} {DD} {SEQ:n} 這幾種佔位符',
    en: 'Only {YYYY} {YY} {MM} {DD} and {SEQ:n} may be used',
  },
  plan_sum: {
    'zh-CN': '各期金额合计 {sum}，应等于合同金额 {amount}',
    'zh-TW': '各期金額合計 {sum}，應等於合約金額 {amount}',
    en: 'The instalments add up to {sum}; they must equal the contract amount {amount}',
  },
  allocation_sum: {
    'zh-CN': '分配合计 {sum}，应等于回款金额 {amount}',
    'zh-TW': '分配合計 {sum}，應等於回款金額 {amount}',
    en: 'The allocations add up to {sum}; they must equal the payment of {amount}',
  },
  other_customer: {
    'zh-CN': '不属于所选客户，请选这个客户自己的商机或合同',
    'zh-TW': '不屬於所選客戶，請選這個客戶自己的商機或合約',
    en: 'Belongs to another customer; pick one of this customer’s own',
  },
  tax_over_amount: {
    'zh-CN': '税额不能超过发票金额 {amount}',
    'zh-TW': '稅額不能超過發票金額 {amount}',
    en: 'The tax cannot be more than the invoice amount {amount}',
  },
  instalment_unknown: {
    'zh-CN': '这一期不属于这份合同的回款计划',
    'zh-TW': '這一期不屬於這份合約的回款計劃',
    en: 'This instalment is not in the contract’s payment plan',
  },
  ...ORDER_FIELD_MESSAGES,
} as const;
