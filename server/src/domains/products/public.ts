/** What other domains may use of products (quotes): a product as the caller may see it, and what a quote line of it becomes. */
export { expandProduct } from './product-bundles.js';
export { getProduct } from './product-service.js';
