import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerDependant } from '../../platform/records/dependant-registry.js';

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
  counted: { 'zh-CN': '{n} 个任务', 'zh-TW': '{n} 個任務', en: ['{n} task', '{n} tasks'] },
});

// A task linked to a customer is work for that customer (call back, send the quote): it leaves the
// task list and calendar with the customer and comes back with it. Tasks without a customer are
// untouched; a task's contact link is not a dependency (the customer's rule already covers it).
registerDependant({ parent: 'customer', entity: 'task', column: 'customer_id', onParentDelete: 'cascade' });
