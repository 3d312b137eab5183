/** What other web domains may use of customers: the grade marker. */
export { GradeTag } from './grade-tag.js';
