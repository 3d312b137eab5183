import { can } from '../../platform/access/actor.js';
import { registerNumberSeries } from '../../platform/numbering/numbering.js';
import { registerDependant } from '../../platform/records/dependant-registry.js';
import { registerEntity } from '../../platform/records/entity-registry.js';

export const canSeeCosts = (actor: Parameters<typeof can>[0]) => can(actor, 'product_costs', 'view');

export const quoteEntity = registerEntity({
  entity: 'quote',
  table: 'quotes',
  plural: 'quotes',
  module: 'quotes',
  label: { 'zh-CN': '报价单', 'zh-TW': '報價單', en: 'Quote' },
  titleColumn: 'title',
  transferable: true,
  transferWhere: "status IN ('draft', 'approved', 'sent')",
  fieldVisibleTo: { cost_total: canSeeCosts },
  counted: { 'zh-CN': '{n} 张报价单', 'zh-TW': '{n} 張報價單', en: ['{n} quote', '{n} quotes'] },
});

// A quote has legal weight once sent: deleting its opportunity or customer is refused while it
// exists (a draft can be deleted first; it waits in the recycle bin).
registerDependant({ parent: 'opportunity', entity: 'quote', column: 'opportunity_id', onParentDelete: 'restrict' });
registerDependant({ parent: 'customer', entity: 'quote', column: 'customer_id', onParentDelete: 'restrict' });

export const quoteNumbers = registerNumberSeries({
  key: 'quote',
  labels: { 'zh-CN': '报价单', 'zh-TW': '報價單', en: 'Quotes' },
  pattern: 'BJ-{YYYY}{MM}{DD}-{SEQ:3}',
  reset: 'daily',
});
