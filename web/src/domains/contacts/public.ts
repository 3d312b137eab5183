/** What other web domains may use of contacts: the contact type and a customer's contacts panel. */
export type { Contact } from './api.js';
export { CustomerContacts } from './customer-contacts.js';
