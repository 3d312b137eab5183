import { can } from '../../platform/access/actor.js';
import { registerFilePurpose } from '../../platform/files/file-purposes.js';
import { registerNumberSeries } from '../../platform/numbering/numbering.js';
import { registerDependant } from '../../platform/records/dependant-registry.js';
import { registerEntity } from '../../platform/records/entity-registry.js';

export const canSeeCosts = (actor: Parameters<typeof can>[0]) => can(actor, 'product_costs', 'view');

export const contractEntity = registerEntity({
  entity: 'contract',
  table: 'contracts',
  plural: 'contracts',
  module: 'contracts',
  label: { 'zh-CN': '合同', 'zh-TW': '合約', en: 'Contract' },
  titleColumn: 'title',
  transferable: true,
  fieldVisibleTo: { cost_total: canSeeCosts },
  counted: { 'zh-CN': '{n} 份合同', 'zh-TW': '{n} 份合約', en: ['{n} contract', '{n} contracts'] },
});

// A contract has legal weight: its customer, deal or quote cannot be deleted from under it.
registerDependant({ parent: 'customer', entity: 'contract', column: 'customer_id', onParentDelete: 'restrict' });
registerDependant({ parent: 'opportunity', entity: 'contract', column: 'opportunity_id', onParentDelete: 'restrict' });
registerDependant({ parent: 'quote', entity: 'contract', column: 'quote_id', onParentDelete: 'restrict' });

export const contractNumbers = registerNumberSeries({
  key: 'contract',
  labels: { 'zh-CN': '合同', 'zh-TW': '合約', en: 'Contracts' },
  pattern: 'HT-{YYYY}-{MM}-{SEQ:4}',
  reset: 'monthly',
});

export const amendmentNumbers = registerNumberSeries({
  key: 'contract_amendment',
  labels: { 'zh-CN': '补充协议', 'zh-TW': '補充協議', en: 'Contract amendments' },
  pattern: 'BC-{YYYY}{MM}-{SEQ:3}',
  reset: 'monthly',
});

// Scanned contracts (PDF or images), kept with the contract and read under its scope.
registerFilePurpose({
  purpose: 'contract',
  types: [
    'application/pdf',
    'image/jpeg',
    'image/png',
    'image/webp',
    'application/zip',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  extensions: ['pdf', 'jpg', 'jpeg', 'png', 'webp', 'zip', 'doc', 'docx'],
  maxBytes: 30 * 1024 * 1024,
});
