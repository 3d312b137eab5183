import { registerEntity } from '../../platform/records/entity-registry.js';

export const visitPlanEntity = registerEntity({
  entity: 'visit_plan',
  table: 'visit_plans',
  plural: 'visit-plans',
  module: 'visit_plans',
  label: { 'zh-CN': '拜访计划', 'zh-TW': '拜訪計畫', en: 'Visit plan' },
  titleColumn: 'purpose',
});
