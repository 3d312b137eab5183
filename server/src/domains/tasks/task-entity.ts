import { registerEntity } from '../../platform/records/entity-registry.js';

export const taskEntity = registerEntity({
  entity: 'task',
  table: 'tasks',
  plural: 'tasks',
  module: 'tasks',
  label: { 'zh-CN': '任务', 'zh-TW': '任務', en: 'Task' },
  titleColumn: 'title',
  // C10: open tasks go with a leaving rep's customers (done ones stay as they were; see transfer).
  transferable: true,
  transferWhere: "status IN ('open', 'in_progress')",
});
