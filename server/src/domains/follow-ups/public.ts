/** What other domains may use of follow-ups: react when one is written; key customers' due dates (C6). */
export { onFollowUpCreated } from './follow-up-events.js';
export { type UntouchedKeyCustomer, untouchedKeyCustomers } from './untouched-key-customers.js';
export { keyCustomerDueDates } from './due-for-follow-up.js';
