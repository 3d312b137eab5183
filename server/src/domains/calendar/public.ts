/** What other domains may use of the calendar: register a source of entries. */
export { registerCalendarSource } from './calendar.js';
