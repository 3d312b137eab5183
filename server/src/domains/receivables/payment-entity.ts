import { registerDependant } from '../../platform/records/dependant-registry.js';
import { registerEntity } from '../../platform/records/entity-registry.js';

// A payment is a business record: field history, recycle bin and transfer with its contract's owner.
export const paymentEntity = registerEntity({
  entity: 'payment',
  table: 'payments',
  plural: 'payments',
  module: 'receivables',
  label: { 'zh-CN': '回款', 'zh-TW': '回款', en: 'Payment' },
  titleColumn: 'title',
  historyExclude: ['title'],
  transferable: true,
  counted: { 'zh-CN': '{n} 笔回款', 'zh-TW': '{n} 筆回款', en: ['{n} payment', '{n} payments'] },
});

// A contract's payments do not vanish with it: deleting a contract with live payments is refused,
// naming them; restoring a payment needs its contract live.
registerDependant({ parent: 'contract', entity: 'payment', column: 'contract_id', onParentDelete: 'restrict' });
