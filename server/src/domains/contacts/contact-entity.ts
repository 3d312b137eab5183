import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerPicklistUsage } from '../picklists/picklist-service.js';

export const contactEntity = registerEntity({
  entity: 'contact',
  table: 'contacts',
  plural: 'contacts',
  module: 'contacts',
  label: { 'zh-CN': '联系人', 'zh-TW': '聯絡人', en: 'Contact' },
  titleColumn: 'name',
  transferable: true,
});

registerPicklistUsage({ list: 'contact_role', table: 'contacts', column: 'role' });
