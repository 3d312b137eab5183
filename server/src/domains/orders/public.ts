/**
 * What other domains may use of orders: the entity, the one place an order becomes binding (M3 adds
 * its credit check there) and a customer's open-order exposure (M3 registers it).
 */
export { orderEntity } from './order-entity.js';
export { type ConfirmedBy, confirmOrder, submitOrder } from './order-lifecycle.js';
export { openOrderExposure } from './order-exposure.js';
export { createOrder } from './order-service.js';
export { recordDelivery } from './deliveries.js';
export { confirmedOrderLines } from './order-sales-lines.js';
