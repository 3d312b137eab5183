/** What other reports may use of the money reports: M5's profit per owner and month (the gross-margin target). */
export { grossMarginByOwnerMonth } from './profit-by-month.js';
