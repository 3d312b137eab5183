/**
 * What other domains may use of quotes: lines built from the catalogue with exact figures (contracts
 * take the same lines, by hand or copied from an accepted quote) and the quote entity.
 */
export { buildLines, quoteTotals, type StoredLine } from './quote-lines.js';
export { quoteEntity } from './quote-entity.js';
export { lineFigures, type LineInput } from '@contracts/quote-money.js';
export { acceptQuote, sendQuote, submitQuote } from './quote-lifecycle.js';
export { createQuote } from './quote-service.js';
