/**
 * What other domains may use of receivables (the demo company, reports): the steps a collection
 * walks through. Reports (aging) read the tables payment_instalments, payments, payment_allocations,
 * invoices and contract_receipts directly; their column names stay stable.
 */
export { createInvoice } from './invoices.js';
export { replacePaymentPlan } from './payment-plan.js';
export { confirmPayment, createPayment, rejectPayment } from './payments.js';
export { creditScores } from './receivable-sources.js';
export { confirmedCollectionsByOwnerMonth } from './payment-collected.js';
