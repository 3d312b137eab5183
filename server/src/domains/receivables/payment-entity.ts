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
