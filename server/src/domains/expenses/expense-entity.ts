import { EXPENSE_RECEIPT_EXTENSIONS, EXPENSE_RECEIPT_MAX_BYTES, EXPENSE_RECEIPT_PURPOSE } from '@contracts/expenses.js';
import { registerFilePurpose } from '../../platform/files/file-purposes.js';
import { registerNumberSeries } from '../../platform/numbering/numbering.js';
import { registerDependant } from '../../platform/records/dependant-registry.js';
import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerPicklistUsage } from '../picklists/public.js';

export const expenseEntity = registerEntity({
  entity: 'expense',
  table: 'expenses',
  plural: 'expenses',
  module: 'expenses',
  label: { 'zh-CN': '报销单', 'zh-TW': '報銷單', en: 'Expense claim' },
  titleColumn: 'number',
  // An approved claim stays with the rep who spent the money; drafts and open claims move with his customers.
  transferable: true,
  transferWhere: "status <> 'approved'",
  counted: { 'zh-CN': '{n} 张报销单', 'zh-TW': '{n} 張報銷單', en: ['{n} expense claim', '{n} expense claims'] },
  // The receipts are what the approver decided on: fixed from submission (a withdrawn or rejected claim opens again).
  attachmentsLocked: (row) => row.status === 'in_approval' || row.status === 'approved',
});

// Money spent on a customer is a financial record: its customer, deal or contract cannot be deleted from under it.
registerDependant({ parent: 'customer', entity: 'expense', column: 'customer_id', onParentDelete: 'restrict' });
registerDependant({ parent: 'opportunity', entity: 'expense', column: 'opportunity_id', onParentDelete: 'restrict' });
registerDependant({ parent: 'contract', entity: 'expense', column: 'contract_id', onParentDelete: 'restrict' });

registerPicklistUsage({ list: 'expense_category', table: 'expenses', column: 'category' });

export const expenseNumbers = registerNumberSeries({
  key: 'expense',
  labels: { 'zh-CN': '报销单', 'zh-TW': '報銷單', en: 'Expense claims' },
  pattern: 'FY-{YYYY}{MM}-{SEQ:4}',
  reset: 'monthly',
});

// Receipts (发票、小票): photos or PDF scans, kept with the claim and read under its scope.
registerFilePurpose({
  purpose: EXPENSE_RECEIPT_PURPOSE,
  types: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
  extensions: EXPENSE_RECEIPT_EXTENSIONS,
  maxBytes: EXPENSE_RECEIPT_MAX_BYTES,
});
