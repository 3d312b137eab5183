/** What other domains may use of the customer pool: tell it when a customer last won a deal. */
export { registerLastWonProvider } from './last-won.js';
