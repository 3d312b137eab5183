import { AppError } from '../../platform/http/errors.js';
import type { QuoteStatus } from './quote-table.js';

const DOCUMENT = { 'zh-CN': '报价单', 'zh-TW': '報價單', en: 'The quote' };
const STATUS_WORDS: Record<QuoteStatus, Record<'zh-CN' | 'zh-TW' | 'en', string>> = {
  draft: { 'zh-CN': '草稿', 'zh-TW': '草稿', en: 'a draft' },
  in_approval: { 'zh-CN': '审批中', 'zh-TW': '審批中', en: 'awaiting approval' },
  approved: { 'zh-CN': '审批通过', 'zh-TW': '審批通過', en: 'approved' },
  sent: { 'zh-CN': '发给客户', 'zh-TW': '發給客戶', en: 'sent' },
  accepted: { 'zh-CN': '被客户接受', 'zh-TW': '被客戶接受', en: 'accepted' },
  rejected: { 'zh-CN': '被客户拒绝', 'zh-TW': '被客戶拒絕', en: 'rejected by the customer' },
  expired: { 'zh-CN': '过期', 'zh-TW': '過期', en: 'expired' },
  superseded: { 'zh-CN': '有了新版本', 'zh-TW': '有了新版本', en: 'superseded by a new version' },
};

/**
 * Only a draft changes. Under approval it is locked on every route (withdraw it first); after that
 * it is a document the customer may hold, changed only by a new version.
 */
export function assertEditable(q: { status: QuoteStatus }) {
  if (q.status === 'draft') return;
  if (q.status === 'in_approval') throw new AppError('DOCUMENT_LOCKED', { params: { document: DOCUMENT } });
  throw new AppError('DOCUMENT_FINAL', { params: { document: DOCUMENT, status: STATUS_WORDS[q.status] } });
}

/** A step of the quote's life that its status does not allow (send a draft over the limit, accept a draft …). */
export function assertStatus(q: { status: QuoteStatus }, allowed: QuoteStatus[]) {
  if (allowed.includes(q.status)) return;
  if (q.status === 'in_approval') throw new AppError('DOCUMENT_LOCKED', { params: { document: DOCUMENT } });
  throw new AppError('QUOTE_STATUS', { params: { status: STATUS_WORDS[q.status] } });
}
