/** What other domains may use of the organisation: creating users (the demo company). */
export { createUser } from './user-service.js';
