/**
 * What other domains may use of contracts: the entity, the steps the demo company walks through, and
 * the hook for what follows a contract becoming effective or amended (receivables' payment plan).
 */
export { contractEntity } from './contract-entity.js';
export { recordProgress, submitContract } from './contract-lifecycle.js';
export { createContract } from './contract-service.js';
export { assertStatus as assertContractStatus } from './contract-rules.js';
export { type ContractEffectListener, onContractEffective } from './contract-effects.js';
export { effectiveContractLines } from './contract-sales-lines.js';
export { signedAmountByOwnerMonth } from './contract-signed.js';
