/**
 * What other domains may use of opportunities: creating a deal (lead conversion), resolving a pipeline
 * (reports), the entity (documents that hang off a deal) and what an accepted quote does to its deal.
 */
export { createOpportunity } from './opportunity-service.js';
export { resolvePipeline } from './pipeline-service.js';
export { opportunityEntity } from './opportunity-entity.js';
export { applyAcceptedQuote, applyEffectiveContract } from './deal-outcomes.js';
