/** What other web domains may use of data timeliness: the dashboard's card (T4). */
export { TimelinessCard } from './timeliness-card.js';
