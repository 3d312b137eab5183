/** What other domains may use of grading: feed a customer's contribution and credit into the grade. */
export { type CreditProvider, registerContributionProvider, registerCreditProvider } from './grading-inputs.js';
