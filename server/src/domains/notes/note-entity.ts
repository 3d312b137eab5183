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

// Notes are not dependants of the records they link to: one note (a visit report, a pricing memo)
// may link several customers, contacts and leads and is knowledge in its own right. Deleting a
// customer leaves its notes and their links in place; while the customer is in the bin the note
// simply does not show that link (notesToApi reads live records only), and it reappears on restore.
