import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerPicklistUsage } from '../picklists/public.js';

export const leadEntity = registerEntity({
  entity: 'lead',
  table: 'leads',
  plural: 'leads',
  module: 'leads',
  label: { 'zh-CN': '线索', 'zh-TW': '線索', en: 'Lead' },
  titleColumn: 'company',
  historyExclude: ['company_key'],
  transferable: true,
  transferWhere: "status NOT IN ('converted', 'disqualified')",
});

// A converted lead records where a customer came from; it is not the customer's dependant and stays
// as it is when the customer goes into the recycle bin (its link then shows nothing until restore).

registerPicklistUsage({ list: 'industry', table: 'leads', column: 'industry' });
registerPicklistUsage({ list: 'customer_source', table: 'leads', column: 'source' });
