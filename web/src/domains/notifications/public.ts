/** What other web domains may use of notifications: the e-mail settings card (the profile shows it). */
export { NotificationPrefsCard } from './notification-prefs-card.js';
