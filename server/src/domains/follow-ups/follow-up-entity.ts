import { registerEntity } from '../../platform/records/entity-registry.js';

export const followUpEntity = registerEntity({
  entity: 'follow_up',
  table: 'follow_ups',
  plural: 'follow-ups',
  module: 'follow_ups',
  label: { 'zh-CN': '跟进记录', 'zh-TW': '跟進記錄', en: 'Follow-up' },
  titleColumn: 'content',
  transferable: false,
});
