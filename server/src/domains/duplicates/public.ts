/** What other domains may use of the duplicate check (C9). */
export { findDuplicates } from './duplicate-check.js';
