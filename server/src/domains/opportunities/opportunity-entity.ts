import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerDependant } from '../../platform/records/dependant-registry.js';
import { registerPicklistUsage } from '../picklists/public.js';

export const opportunityEntity = registerEntity({
  entity: 'opportunity',
  table: 'opportunities',
  plural: 'opportunities',
  module: 'opportunities',
  label: { 'zh-CN': '商机', 'zh-TW': '商機', en: 'Opportunity' },
  titleColumn: 'name',
  // stage_entered_at moves with every stage change, which the history already shows.
  historyExclude: ['stage_entered_at', 'last_follow_up_at'],
  transferable: true,
  // A transfer hands over the deals still being worked; closed ones stay with who closed them.
  transferWhere: "status = 'open'",
  counted: { 'zh-CN': '{n} 个商机', 'zh-TW': '{n} 個商機', en: ['{n} opportunity', '{n} opportunities'] },
});

// Salesforce's rule for an account's opportunities: they go into the bin with the customer, so the
// deal list, board, its column totals (opportunity_stage_totals follows deleted_at by trigger) and
// the pipeline reports drop them at once, and restoring the customer brings them all back. When
// contracts and quotes arrive they register against the customer or deal with 'restrict'.
registerDependant({ parent: 'customer', entity: 'opportunity', column: 'customer_id', onParentDelete: 'cascade' });

registerPicklistUsage({ list: 'opportunity_source', table: 'opportunities', column: 'source' });
registerPicklistUsage({ list: 'lost_reason', table: 'opportunities', column: 'lost_reason' });
registerPicklistUsage({ list: 'contact_role', table: 'opportunity_contacts', column: 'role' });
