import { registerEntity } from '../../platform/records/entity-registry.js';
import './target-table.js';

/** Targets keep field history (amount, the split, reopen / lock) and go to the recycle bin when deleted. */
export const targetEntity = registerEntity({
  entity: 'target',
  table: 'targets',
  plural: 'targets',
  module: 'targets',
  label: { 'zh-CN': '销售目标', 'zh-TW': '銷售目標', en: 'Sales target' },
  titleColumn: 'title',
  counted: { 'zh-CN': '{n} 个销售目标', 'zh-TW': '{n} 個銷售目標', en: ['{n} sales target', '{n} sales targets'] },
});
