/** What other web domains may use of products (quotes, sales analysis): the product type, a picker of the catalogue and of its categories. */
export type { Product } from './api.js';
export { ProductSelect } from './product-select.js';
export { CategorySelect } from './category-select.js';
