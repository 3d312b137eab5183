/**
 * What other reports may use of the pipeline reports: O5's weighted forecast per owner and month
 * (attainment); O7's deviation rule as the admin set it (the daily report flags like the funnel).
 */
export { weightedForecastByOwnerMonth } from './forecast-by-owner.js';
export { deviationRule } from './report-settings.js';
