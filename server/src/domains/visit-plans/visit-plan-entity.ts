import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerDependant } from '../../platform/records/dependant-registry.js';

export const visitPlanEntity = registerEntity({
  entity: 'visit_plan',
  table: 'visit_plans',
  plural: 'visit-plans',
  module: 'visit_plans',
  label: { 'zh-CN': '拜访计划', 'zh-TW': '拜訪計畫', en: 'Visit plan' },
  titleColumn: 'purpose',
  counted: { 'zh-CN': '{n} 个拜访计划', 'zh-TW': '{n} 個拜訪計畫', en: ['{n} visit plan', '{n} visit plans'] },
});

// A plan to visit a customer that is in the recycle bin is no plan: it goes with the customer
// (and off the calendar and plan-vs-done figures) and comes back with it.
registerDependant({ parent: 'customer', entity: 'visit_plan', column: 'customer_id', onParentDelete: 'cascade' });
