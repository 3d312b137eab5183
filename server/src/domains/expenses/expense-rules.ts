import { AppError } from '../../platform/http/errors.js';
import type { ExpenseStatus } from './expense-table.js';

export const STATUS_WORDS: Record<ExpenseStatus, Record<'zh-CN' | 'zh-TW' | 'en', string>> = {
  draft: { 'zh-CN': '草稿', 'zh-TW': '草稿', en: 'a draft' },
  in_approval: { 'zh-CN': '审批中', 'zh-TW': '審批中', en: 'awaiting approval' },
  approved: { 'zh-CN': '已通过', 'zh-TW': '已通過', en: 'approved' },
  rejected: { 'zh-CN': '已驳回', 'zh-TW': '已駁回', en: 'rejected' },
};

const DOCUMENT = { 'zh-CN': '报销单', 'zh-TW': '報銷單', en: 'The expense claim' };

/** A draft or a rejected claim may change; in approval it is locked (withdraw first); approved, never. */
export function assertEditable(e: { status: ExpenseStatus }) {
  if (e.status === 'draft' || e.status === 'rejected') return;
  if (e.status === 'in_approval') throw new AppError('DOCUMENT_LOCKED', { params: { document: DOCUMENT } });
  throw new AppError('EXPENSE_STATUS', { params: { status: STATUS_WORDS[e.status] } });
}

export function assertStatus(e: { status: ExpenseStatus }, allowed: ExpenseStatus[]) {
  if (allowed.includes(e.status)) return;
  throw new AppError('EXPENSE_STATUS', { params: { status: STATUS_WORDS[e.status] } });
}
