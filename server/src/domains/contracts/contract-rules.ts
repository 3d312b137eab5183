import { AppError } from '../../platform/http/errors.js';
import type { ContractStatus } from './contract-table.js';

const DOCUMENT = { 'zh-CN': '合同', 'zh-TW': '合約', en: 'The contract' };
export const STATUS_WORDS: Record<ContractStatus, Record<'zh-CN' | 'zh-TW' | 'en', string>> = {
  draft: { 'zh-CN': '草稿', 'zh-TW': '草稿', en: 'a draft' },
  in_approval: { 'zh-CN': '审批中', 'zh-TW': '審批中', en: 'awaiting approval' },
  effective: { 'zh-CN': '已生效', 'zh-TW': '已生效', en: 'effective' },
  terminated: { 'zh-CN': '已终止', 'zh-TW': '已終止', en: 'terminated' },
  voided: { 'zh-CN': '已作废', 'zh-TW': '已作廢', en: 'void' },
};

/** Only a draft changes; under approval it is locked (withdraw it first); effective, only by an amendment. */
export function assertDraft(c: { status: ContractStatus }) {
  if (c.status === 'draft') return;
  if (c.status === 'in_approval') throw new AppError('DOCUMENT_LOCKED', { params: { document: DOCUMENT } });
  throw new AppError('DOCUMENT_FROZEN');
}

export function assertStatus(c: { status: ContractStatus }, allowed: ContractStatus[]) {
  if (allowed.includes(c.status)) return;
  throw new AppError('CONTRACT_STATUS', { params: { status: STATUS_WORDS[c.status] } });
}
