/** What other web domains may use of contracts: the 合同 card for a customer's page and for an opportunity's page. */
export { CustomerContracts, OpportunityContracts } from './related-contracts.js';
