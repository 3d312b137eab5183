/** What other reports may use of the pipeline reports: O5's weighted forecast per owner and month (attainment). */
export { weightedForecastByOwnerMonth } from './forecast-by-owner.js';
