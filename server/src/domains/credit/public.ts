/** What other domains use of credit limits (M3): register what they owe, and check before binding. */
export { type ExposureSource, registerExposureSource } from './exposure-sources.js';
export { assertWithinCredit, CREDIT_EXCESS_FACT, creditExcessFact } from './credit-check.js';
