/** What other web domains may use of the customer pool: release a customer into it. */
export { ReleaseToPoolButton } from './release-button.js';
