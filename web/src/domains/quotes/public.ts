/** What other web domains may use of quotes: the 报价单 card for an opportunity's page. */
export { OpportunityQuotes } from './opportunity-quotes.js';
