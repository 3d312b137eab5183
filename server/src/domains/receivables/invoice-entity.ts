import { registerDependant } from '../../platform/records/dependant-registry.js';
import { registerEntity } from '../../platform/records/entity-registry.js';

// An invoice is a business record: field history, recycle bin (voiding an invoice puts it there; its
// number is free again, and re-checked on restore) and transfer with its contract's owner.
export const invoiceEntity = registerEntity({
  entity: 'invoice',
  table: 'invoices',
  plural: 'invoices',
  module: 'receivables',
  label: { 'zh-CN': '发票', 'zh-TW': '發票', en: 'Invoice' },
  titleColumn: 'number',
  liveUnique: ['number'],
  transferable: true,
  counted: { 'zh-CN': '{n} 张发票', 'zh-TW': '{n} 張發票', en: ['{n} invoice', '{n} invoices'] },
});

// A contract's invoices do not vanish with it: deleting a contract with live invoices is refused, naming
// them; restoring an invoice needs its contract live.
registerDependant({ parent: 'contract', entity: 'invoice', column: 'contract_id', onParentDelete: 'restrict' });
