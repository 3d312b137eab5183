/** What other web domains may use of follow-ups: write one from any page, and a customer's timeline. */
export { CustomerTimeline } from './customer-timeline.js';
export { QuickFollowUpButton } from './quick-follow-up.js';
