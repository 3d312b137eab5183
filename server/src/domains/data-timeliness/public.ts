/** What other domains may use of data timeliness: the per-rep figures and score (the dashboard, the daily report). */
export { timelinessReport } from './timeliness-report.js';
export { timelinessScore } from './timeliness-score.js';
