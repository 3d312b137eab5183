/** What other domains may use of picklists: declare where a list is used, check codes, read labels. */
export { picklistLabels } from './picklist-labels.js';
export { assertPicklistCodes, registerPicklistUsage } from './picklist-service.js';
