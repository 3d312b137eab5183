import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerDependant } from '../../platform/records/dependant-registry.js';

export const followUpEntity = registerEntity({
  entity: 'follow_up',
  table: 'follow_ups',
  plural: 'follow-ups',
  module: 'follow_ups',
  label: { 'zh-CN': '跟进记录', 'zh-TW': '跟進記錄', en: 'Follow-up' },
  titleColumn: 'content',
  transferable: false,
  counted: { 'zh-CN': '{n} 条跟进记录', 'zh-TW': '{n} 筆跟進記錄', en: ['{n} follow-up', '{n} follow-ups'] },
});

// A follow-up is part of the customer's story and goes with it. The link to a deal is not a
// dependency: deleting a deal leaves the customer's follow-ups (and their next-call dates) alone.
// The link to a contact neither: the follow-up still belongs to the customer.
registerDependant({ parent: 'customer', entity: 'follow_up', column: 'customer_id', onParentDelete: 'cascade' });
