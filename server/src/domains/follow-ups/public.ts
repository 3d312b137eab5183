/** What other domains may use of follow-ups: react when one is written. */
export { onFollowUpCreated } from './follow-up-events.js';
export { type UntouchedKeyCustomer, untouchedKeyCustomers } from './untouched-key-customers.js';
