/**
 * What other web domains may use of approvals: the panel for a document's detail page (quotes,
 * contracts …), its status tag, the query key to refresh after submitting a document, and the
 * delegation card for the profile page.
 */
export { approvalKeys } from './api.js';
export { ApprovalStatusTag } from './approval-labels.js';
export { ApprovalPanel, type ApprovalPanelProps } from './approval-panel.js';
export { DelegationCard } from './delegation-card.js';
