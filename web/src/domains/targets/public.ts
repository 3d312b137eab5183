/** What other web domains may use of targets: the attainment card for the home dashboard (工作台). */
export { AttainmentCard } from './attainment-card.js';
