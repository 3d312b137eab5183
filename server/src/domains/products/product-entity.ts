import { registerEntity } from '../../platform/records/entity-registry.js';
import { canSeeCosts } from './product-costs.js';

export const productEntity = registerEntity({
  entity: 'product',
  table: 'products',
  plural: 'products',
  module: 'products',
  label: { 'zh-CN': '产品', 'zh-TW': '產品', en: 'Product' },
  titleColumn: 'name',
  liveUnique: ['code'],
  // The catalogue is the company's: no data scope, and nobody's records to hand over (C10).
  companyWide: true,
  transferable: false,
  // Q1: a cost change is history only for those who may see costs.
  fieldVisibleTo: { cost_price: canSeeCosts },
  counted: { 'zh-CN': '{n} 个产品', 'zh-TW': '{n} 個產品', en: ['{n} product', '{n} products'] },
});
