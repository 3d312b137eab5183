import { registerConstraintError } from '../../platform/http/error-handler.js';

// The rules 0048 enforces in the database as the last word, for paths that take no contract lock
// (a restore from the recycle bin, a script): each refused with its own message, a 409, not a 500
// nor a bare field error.
registerConstraintError('payment_instalments_within_amount', 'RECEIVABLE_OVER_ALLOCATED');
registerConstraintError('contract_receipts_reserved_within_amount', 'RECEIVABLE_OVER_CONTRACT');
registerConstraintError('payments_fully_allocated', 'PAYMENT_NOT_ALLOCATED');
registerConstraintError('contract_receipts_invoiced_within_amount', 'INVOICE_OVER_CONTRACT');
