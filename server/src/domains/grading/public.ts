/** What other domains may use of grading: feed a customer's contribution into the grade. */
export { registerContributionProvider } from './grading-inputs.js';
