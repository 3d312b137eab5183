/** What other web domains may use of products (quotes): the product type and a picker of the catalogue. */
export type { Product } from './api.js';
export { ProductSelect } from './product-select.js';
export { CategorySelect } from './category-select.js';
