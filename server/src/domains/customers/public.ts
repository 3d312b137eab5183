/** What other domains may use of customers: the entity, creation (lead conversion) and the 360 timeline registry. */
export { customerEntity } from './customer-entity.js';
export { createCustomer } from './customer-service.js';
export { olderThan, registerTimelineProvider, type TimelineProvider } from './timeline.js';
export { customerInRegion } from './customer-region.js';
