/** What other domains may use of contracts: the entity, and the steps the demo company walks through. */
export { contractEntity } from './contract-entity.js';
export { recordProgress, submitContract } from './contract-lifecycle.js';
export { createContract } from './contract-service.js';
export { assertStatus as assertContractStatus } from './contract-rules.js';
