import { registerNumberSeries } from '../../platform/numbering/numbering.js';
import { registerDependant } from '../../platform/records/dependant-registry.js';
import { registerEntity } from '../../platform/records/entity-registry.js';
import './order-table.js';

export const orderEntity = registerEntity({
  entity: 'order',
  table: 'orders',
  plural: 'orders',
  module: 'orders',
  label: { 'zh-CN': '销售订单', 'zh-TW': '銷售訂單', en: 'Sales order' },
  titleColumn: 'number',
  transferable: true,
  counted: { 'zh-CN': '{n} 张订单', 'zh-TW': '{n} 張訂單', en: ['{n} order', '{n} orders'] },
});

// An order is a commitment to the customer: its customer, contract or deal cannot be deleted from under it.
registerDependant({ parent: 'customer', entity: 'order', column: 'customer_id', onParentDelete: 'restrict' });
registerDependant({ parent: 'contract', entity: 'order', column: 'contract_id', onParentDelete: 'restrict' });
registerDependant({ parent: 'opportunity', entity: 'order', column: 'opportunity_id', onParentDelete: 'restrict' });

export const orderNumbers = registerNumberSeries({
  key: 'order',
  labels: { 'zh-CN': '销售订单', 'zh-TW': '銷售訂單', en: 'Sales orders' },
  pattern: 'SO-{YYYY}{MM}-{SEQ:4}',
  reset: 'monthly',
});
