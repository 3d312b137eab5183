/** What other web domains may use of opportunities: a customer's deals (query and panel). */
export { useOpportunities } from './api.js';
export { CustomerOpportunities } from './customer-opportunities.js';
