// The figures moved to contracts/quote-money.ts (the web editor computes them too); this name stays
// for what other domains take through public.ts.
export { lineFigures, type LineInput } from '@contracts/quote-money.js';
