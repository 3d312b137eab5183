import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerPicklistUsage } from '../picklists/public.js';

export const customerEntity = registerEntity({
  entity: 'customer',
  table: 'customers',
  plural: 'customers',
  module: 'customers',
  label: { 'zh-CN': '客户', 'zh-TW': '客戶', en: 'Customer' },
  titleColumn: 'name',
  liveUnique: ['name'],
  transferable: true,
  // Pooled customers (公海) are reached through /pool/customers only.
  ownerlessHidden: true,
});

registerPicklistUsage({ list: 'industry', table: 'customers', column: 'industry' });
registerPicklistUsage({ list: 'customer_source', table: 'customers', column: 'source' });
registerPicklistUsage({ list: 'customer_grade', table: 'customers', column: 'grade' });
