import { registerEntity } from '../../platform/records/entity-registry.js';

export const noteEntity = registerEntity({
  entity: 'note',
  table: 'notes',
  plural: 'notes',
  module: 'notes',
  label: { 'zh-CN': '笔记', 'zh-TW': '筆記', en: 'Note' },
  titleColumn: 'title',
  transferable: true,
});
