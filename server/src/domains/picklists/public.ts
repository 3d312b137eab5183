/** What other domains may use of picklists: declare where a list is used, check codes. */
export { assertPicklistCodes, registerPicklistUsage } from './picklist-service.js';
