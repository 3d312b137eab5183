/** What other domains may use of contacts: creating one (lead conversion). */
export { createContact } from './contact-service.js';
