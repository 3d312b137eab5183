import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerDependant } from '../../platform/records/dependant-registry.js';
import { registerPicklistUsage } from '../picklists/public.js';

export const contactEntity = registerEntity({
  entity: 'contact',
  table: 'contacts',
  plural: 'contacts',
  module: 'contacts',
  label: { 'zh-CN': '联系人', 'zh-TW': '聯絡人', en: 'Contact' },
  titleColumn: 'name',
  transferable: true,
  counted: { 'zh-CN': '{n} 位联系人', 'zh-TW': '{n} 位聯絡人', en: ['{n} contact', '{n} contacts'] },
});

// A contact is a person at the customer: without the customer it means nothing, and it must come
// back with it. Deleting a customer takes its contacts into the recycle bin with it.
registerDependant({ parent: 'customer', entity: 'contact', column: 'customer_id', onParentDelete: 'cascade' });

registerPicklistUsage({ list: 'contact_role', table: 'contacts', column: 'role' });
