// What a document type uses of the approval engine.
export { type ApprovalEvent, type ApprovalSubject, type ApprovalType, registerApprovalType } from './approval-registry.js';
export { isApproverOfDocument, latestRequestOf } from './approval-queries.js';
export { type EngineEnv, submitForApproval } from './engine.js';
export { firstActiveAdmin } from './fallback-approver.js';
export { flowTestsFact } from './flows.js';
