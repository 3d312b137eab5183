/** What other domains may use of opportunities: creating a deal (lead conversion) and resolving a pipeline (reports). */
export { createOpportunity } from './opportunity-service.js';
export { resolvePipeline } from './pipeline-service.js';
